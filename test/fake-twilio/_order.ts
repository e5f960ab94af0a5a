// Twilio's list order, written independently of the fake's index: newest date_created first; of one
// second, the later added first.

/** A copy of `items` (given in the order they were added) in Twilio's list order. */
export function inTwilioOrder<T extends { readonly date_created: string | null }>(items: readonly T[]): T[] {
  const time = (item: T) => (item.date_created === null ? 0 : Date.parse(item.date_created));
  return items
    .map((item, added) => ({ item, added }))
    .sort((a, b) => time(b.item) - time(a.item) || b.added - a.added)
    .map(({ item }) => item);
}
