// Twilio's list order, written independently of the fake's index: newest date_created first, ties by SID descending.

/** A copy of `items` in Twilio's list order. */
export function inTwilioOrder<T extends { readonly date_created: string | null }>(
  items: readonly T[],
  sidOf: (item: T) => string,
): T[] {
  const time = (item: T) => (item.date_created === null ? 0 : Date.parse(item.date_created));
  return [...items].sort((a, b) => time(b) - time(a) || sidOf(b).localeCompare(sidOf(a)));
}
