/**
 * RFC 2822 date-times as Twilio sends them: `Fri, 18 Feb 2011 21:07:19 +0000`.
 * Source: every one of the 282 dates in the real bodies (FINDINGS.md item 3): English day and month
 * names, two-digit day, 24-hour time, a numeric zone, a weekday that agrees with the date.
 * `Date.prototype.toUTCString()` writes `GMT` instead of `+0000`, which Twilio never sends.
 */

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;
const SHAPE =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})$/;

/**
 * The regular expression (as source text) that every RFC 2822 date Twilio sends matches, zone `+0000`.
 * Usable in Pact matchers, whose regexes cannot check the weekday.
 */
export const RFC_2822_PATTERN =
  "^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (0[1-9]|[12][0-9]|3[01]) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [0-9]{4} ([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9] \\+0000$";

const pad = (n: number): string => String(n).padStart(2, "0");

/**
 * Formats an instant as Twilio does, always in UTC with zone `+0000`.
 *
 * @param date - any valid Date
 * @returns e.g. `Fri, 18 Feb 2011 21:07:19 +0000`
 * @throws RangeError when `date` is an invalid Date
 */
export function formatRfc2822(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError("Failed to format date: invalid Date");
  return (
    `${DAYS[date.getUTCDay()]}, ${pad(date.getUTCDate())} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`
  );
}

/**
 * Parses an RFC 2822 date-time in Twilio's shape. Rejects `GMT` and other named zones, impossible
 * dates (31 Feb), out-of-range times and a weekday that does not match the date.
 *
 * @param text - e.g. `Fri, 18 Feb 2011 21:07:19 +0000`
 * @returns the instant, or `undefined` when `text` is not such a date; never throws
 */
export function parseRfc2822(text: string): Date | undefined {
  const m = SHAPE.exec(text);
  if (!m) return undefined;
  const [, day, dd, mon, yyyy, hh, mm, ss, sign, zh, zm] = m as unknown as string[];
  const month = MONTHS.indexOf(mon as (typeof MONTHS)[number]);
  const [d, h, mi, s, offH, offM] = [dd, hh, mm, ss, zh, zm].map(Number) as [number, number, number, number, number, number];
  if (h > 23 || mi > 59 || s > 59 || offM > 59) return undefined;
  const local = new Date(Date.UTC(Number(yyyy), month, d, h, mi, s));
  if (local.getUTCDate() !== d || DAYS[local.getUTCDay()] !== day) return undefined;
  const offsetMinutes = (sign === "-" ? -1 : 1) * (offH * 60 + offM);
  return new Date(local.getTime() - offsetMinutes * 60_000);
}
