import { formatRfc2822, parseRfc2822 } from "../../rfc2822.js";
import type { InvalidCase, InvalidCases, InvalidRule } from "./types.js";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The instant of a date the factories wrote (always valid RFC 2822). */
const instant = (date: string): number => parseRfc2822(date)!.getTime();

/** `date_updated` edited on every resource that has it; the `date-time-rfc-2822` format breaks. */
function updatedDate(edit: (date: string) => string): InvalidCases {
  const one: InvalidCase<{ date_updated: string }> = {
    mutate: (r) => ({ ...r, date_updated: edit(r.date_updated) }),
    issue: { path: "/date_updated", rule: "format" },
  };
  return { participant: one, conference: one, stream: one };
}

/** `date_updated` an hour before `date_created`; both stay well-formed. */
const updatedBeforeCreated: InvalidCase<{ date_created: string }> = {
  mutate: (r) => ({ ...r, date_updated: formatRfc2822(new Date(instant(r.date_created) - HOUR_MS)) }),
  issue: { path: "/date_updated", rule: "dates-in-order" },
};

/**
 * Broken dates. Twilio writes RFC 2822 with a numeric zone, `Fri, 18 Feb 2011 21:07:19 +0000`, and a
 * weekday that agrees with the date. Source: all 282 dates in the real bodies (FINDINGS.md item 3).
 */
export const DATE_RULES = {
  "date-gmt": {
    summary: "date_updated ends in GMT, as Date.prototype.toUTCString writes it, instead of +0000",
    profiles: ["strict", "tolerant"],
    cases: updatedDate((date) => date.replace(/\+0000$/, "GMT")),
  },
  "date-malformed": {
    summary: "date_updated is ISO 8601 (2011-02-18T21:07:19.000Z), as JSON.stringify writes a Date, not RFC 2822",
    profiles: ["strict", "tolerant"],
    cases: updatedDate((date) => new Date(instant(date)).toISOString()),
  },
  "date-weekday": {
    summary: "date_updated has the next day's weekday (Sat, 18 Feb 2011 for a Friday)",
    profiles: ["strict", "tolerant"],
    cases: updatedDate((date) => formatRfc2822(new Date(instant(date) + DAY_MS)).slice(0, 3) + date.slice(3)),
  },
  "dates-in-order": {
    summary: "date_updated is an hour before date_created",
    profiles: ["strict"],
    cases: { participant: updatedBeforeCreated, conference: updatedBeforeCreated },
  },
} satisfies Record<string, InvalidRule>;
