import { formatRfc2822, parseRfc2822, rfc2822Millis } from "../rfc2822.js";

/**
 * `date_updated` after a change: the clock's time, but never before the resource's own
 * `date_created` or its previous `date_updated` (the strict profile's `dates-in-order` rule), in
 * RFC 2822 as Twilio writes it (`Fri, 18 Feb 2011 21:07:19 +0000`).
 *
 * @param now - the fake's clock
 * @param resource - the dates the resource has now
 */
export function touched(
  now: Date,
  resource: { readonly date_created?: string | null; readonly date_updated?: string | null },
): string {
  const created = resource.date_created ? (rfc2822Millis(resource.date_created) ?? 0) : 0;
  const updated = resource.date_updated ? (rfc2822Millis(resource.date_updated) ?? 0) : 0;
  const at = Math.max(now.getTime(), created, updated);
  return formatRfc2822(at === now.getTime() ? now : new Date(at));
}

/**
 * The UTC calendar day of an RFC 2822 date-time, as ListConference's date filters write days.
 *
 * @param dateTime - e.g. `Fri, 18 Feb 2011 21:07:19 +0000`
 * @returns e.g. `2011-02-18`, or undefined for null or text that is not such a date
 */
export function utcDay(dateTime: string | null | undefined): string | undefined {
  return (dateTime ? parseRfc2822(dateTime) : undefined)?.toISOString().slice(0, 10);
}
