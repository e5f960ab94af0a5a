/**
 * RFC 2822 date-times as Twilio sends them: `Fri, 18 Feb 2011 21:07:19 +0000`.
 * Source: every one of the 282 dates in the real bodies (FINDINGS.md item 3): English day and month
 * names, two-digit day, 24-hour time, a numeric zone, a weekday that agrees with the date.
 * `Date.prototype.toUTCString()` writes `GMT` instead of `+0000`, which Twilio never sends.
 */

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;
const DAY_MS = 86_400_000;

/**
 * The regular expression (as source text) that every RFC 2822 date Twilio sends matches, zone `+0000`.
 * Usable in Pact matchers, whose regexes cannot check the weekday.
 */
export const RFC_2822_PATTERN =
  "^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (0[1-9]|[12][0-9]|3[01]) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [0-9]{4} ([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9] \\+0000$";

/** `00` to `99`, so that formatting pads by lookup. */
const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, "0"));
const pad = (n: number): string => TWO_DIGITS[n] ?? String(n).padStart(2, "0");

// The last two dates written or read, and their instants: a validator checks both dates' format
// and then their order, and a factory checks the dates it has just written.
const recent: { text: unknown; millis: number | undefined }[] = [
  { text: undefined, millis: undefined },
  { text: undefined, millis: undefined },
];
let oldest = 0;

function remember(text: string, millis: number | undefined): void {
  const slot = recent[oldest]!;
  slot.text = text;
  slot.millis = millis;
  oldest ^= 1;
}

/** The second {@link formatRfc2822} wrote last, and its text, shared by every date of that second. */
const written = { second: Number.NaN, text: "" };

/**
 * Formats an instant as Twilio does, always in UTC with zone `+0000`.
 *
 * @param date - any valid Date
 * @returns e.g. `Fri, 18 Feb 2011 21:07:19 +0000`
 * @throws RangeError when `date` is an invalid Date
 */
export function formatRfc2822(date: Date): string {
  const millis = date.getTime();
  if (Number.isNaN(millis)) throw new RangeError("Failed to format date: invalid Date");
  const second = Math.floor(millis / 1000);
  // The fake stamps every change at its clock's time, mostly within one second: that second's text is written once
  // and shared.
  if (second === written.second) return written.text;
  // Arithmetic rather than Date's getters, as factories format every date they draw.
  const days = Math.floor(millis / DAY_MS);
  const seconds = Math.floor((millis - days * DAY_MS) / 1000);
  const { year, month, day } = civilDate(days);
  const text =
    `${DAYS[(((days + 4) % 7) + 7) % 7]}, ${pad(day)} ${MONTHS[month]} ${year} ` +
    `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)} +0000`;
  // A four-digit year makes a date that rfc2822Millis reads back as this instant, to the second.
  if (year >= 1000 && year <= 9999) remember(text, days * DAY_MS + seconds * 1000);
  written.second = second;
  written.text = text;
  return text;
}

/** Days from 1 January 1970 to a date, month 0-11 (H. Hinnant's days_from_civil, proleptic Gregorian like Date). */
function daysSinceEpoch(year: number, month: number, day: number): number {
  const y = month < 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month < 2 ? month + 10 : month - 2) + 2) / 5) + day - 1; // counted from 1 March
  return (
    era * 146_097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719_468
  );
}

/** Year, month (0-11) and day of the month of a day counted from 1 January 1970 (H. Hinnant's civil_from_days, proleptic Gregorian like Date). */
function civilDate(days: number): { year: number; month: number; day: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153); // 0 is March
  const month = shiftedMonth < 10 ? shiftedMonth + 2 : shiftedMonth - 10;
  return {
    year: yearOfEra + era * 400 + (month < 2 ? 1 : 0),
    month,
    day: dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1,
  };
}

/** Three ASCII letters at `start` as one number (7 bits each), -1 when one is not ASCII: a Map key that needs no substring. */
function nameKey(text: string, start: number): number {
  const a = text.charCodeAt(start);
  const b = text.charCodeAt(start + 1);
  const c = text.charCodeAt(start + 2);
  return (a | b | c) > 127 ? -1 : (a << 14) | (b << 7) | c;
}

const DAY_INDEX = new Map<number, number>(DAYS.map((name, i) => [nameKey(name, 0), i]));
const MONTH_INDEX = new Map<number, number>(MONTHS.map((name, i) => [nameKey(name, 0), i]));

/** The number written by `count` ASCII digits at `start`, or -1 when one of them is not a digit. */
function digitsAt(text: string, start: number, count: number): number {
  let n = 0;
  for (let i = start; i < start + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}

/** Whether `text` has Twilio's punctuation at the fixed places of `Fri, 18 Feb 2011 21:07:19 +0000` (31 characters). */
const hasShape = (text: string): boolean =>
  typeof text === "string" &&
  text.length === 31 &&
  text[3] === "," &&
  text[4] === " " &&
  text[7] === " " &&
  text[11] === " " &&
  text[16] === " " &&
  text[19] === ":" &&
  text[22] === ":" &&
  text[25] === " " &&
  (text[26] === "+" || text[26] === "-");

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/**
 * Like {@link parseRfc2822}, as milliseconds since the epoch: what validators and factories use, as
 * they read every date they see (fixed places and arithmetic, no regular expression, no Date).
 *
 * @param text - e.g. `Fri, 18 Feb 2011 21:07:19 +0000`
 * @returns the instant's milliseconds, or `undefined` when `text` is not such a date; never throws
 */
export function rfc2822Millis(text: string): number | undefined {
  for (const seen of recent) if (seen.text === text) return seen.millis;
  const millis = readMillis(text);
  remember(text, millis);
  return millis;
}

function readMillis(text: string): number | undefined {
  if (!hasShape(text)) return undefined;
  const day = DAY_INDEX.get(nameKey(text, 0));
  const month = MONTH_INDEX.get(nameKey(text, 8));
  const d = digitsAt(text, 5, 2);
  const yyyy = digitsAt(text, 12, 4);
  const h = digitsAt(text, 17, 2);
  const mi = digitsAt(text, 20, 2);
  const s = digitsAt(text, 23, 2);
  const offH = digitsAt(text, 27, 2);
  const offM = digitsAt(text, 29, 2);
  if (day === undefined || month === undefined || Math.min(d, yyyy, h, mi, s, offH, offM) < 0) return undefined;
  if (h > 23 || mi > 59 || s > 59 || offM > 59) return undefined;
  const year = yyyy <= 99 ? 1900 + yyyy : yyyy; // as Date.UTC reads years 0 to 99
  if (d < 1 || d > (month === 1 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month]!)) return undefined;
  const days = daysSinceEpoch(year, month, d);
  if ((((days + 4) % 7) + 7) % 7 !== day) return undefined; // 1 Jan 1970 was a Thursday
  const offsetMinutes = (text[26] === "-" ? -1 : 1) * (offH * 60 + offM);
  return days * DAY_MS + ((h * 60 + mi) * 60 + s) * 1000 - offsetMinutes * 60_000;
}

/**
 * Like {@link rfc2822Millis}, but also reads a day of one digit (`Thu, 1 Jun 2017 20:48:32 +0000`), as
 * status callbacks write it. Source: TW-CONF's example Timestamp (WEBHOOKS.md section 2.4).
 *
 * @returns the instant's milliseconds, or `undefined` when `text` is not such a date; never throws
 */
export function callbackRfc2822Millis(text: string): number | undefined {
  const oneDigitDay = typeof text === "string" && text.length === 30 && text[6] === " ";
  return rfc2822Millis(oneDigitDay ? `${text.slice(0, 5)}0${text.slice(5)}` : text);
}

/**
 * Parses an RFC 2822 date-time in Twilio's shape. Rejects `GMT` and other named zones, impossible
 * dates (31 Feb), out-of-range times and a weekday that does not match the date.
 *
 * @param text - e.g. `Fri, 18 Feb 2011 21:07:19 +0000`
 * @returns the instant, or `undefined` when `text` is not such a date; never throws
 */
export function parseRfc2822(text: string): Date | undefined {
  const millis = rfc2822Millis(text);
  return millis === undefined ? undefined : new Date(millis);
}
