// internal: the list filters the fake Twilio honours (src/fake-twilio/routes), as fields and date
// windows for a page's items, and the check that items the caller gave match them.
import { TestkitError } from "../errors.js";
import type { Conference, Participant } from "../generated/schemas.js";
import { parseRfc2822 } from "../rfc2822.js";
import type { DateWindows, TimeWindow } from "./_draw.js";
import type { PageQuery } from "./_envelope.js";

const DAY_MS = 86_400_000;
const YEAR_MS = 365 * DAY_MS;
const MAX_UPDATE_DELAY = 7200_000;
const DEFAULT_WINDOW: TimeWindow = { from: Date.UTC(2015, 0, 1), to: Date.UTC(2026, 0, 1) - 1000 };

/** Twilio's spellings of true: its SDKs send `true`, its own page URIs echo `True` (`participant.list.2`). */
const isTrue = (value: unknown): boolean => value === true || value === "true" || value === "True";

/** ListParticipant's boolean filters and the fields they set. Source: OPERATIONS.md (ListParticipant query). */
const PARTICIPANT_FLAGS = [
  ["Muted", "muted"],
  ["Hold", "hold"],
  ["Coaching", "coaching"],
] as const;

/** The fields a ListParticipant query fixes on every item: `Muted`, `Hold`, `Coaching` (true or false). */
export function participantQueryFields(query: PageQuery): Partial<Participant> {
  const out: Partial<Participant> = {};
  for (const [param, field] of PARTICIPANT_FLAGS) if (query[param] !== undefined) out[field] = isTrue(query[param]);
  if (out.coaching === false) out.call_sid_to_coach = null;
  return out;
}

/** The first given participant that a ListParticipant query would not return, as `/participants/<i>/<field>`. */
export function participantMismatch(query: PageQuery, items: readonly Participant[]): string | undefined {
  for (const [i, item] of items.entries())
    for (const [param, field] of PARTICIPANT_FLAGS)
      if (query[param] !== undefined && item[field] !== isTrue(query[param]))
        return `/participants/${i}/${field} is ${item[field]}, but the page answers ${param}=${query[param]}`;
  return undefined;
}

/** The UTC day (`YYYY-MM-DD`) of a filter value, or a TestkitError naming the parameter. */
function day(query: PageQuery, param: string): number | undefined {
  const value = query[param];
  if (value === undefined) return undefined;
  const millis =
    typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00Z`) : NaN;
  if (Number.isNaN(millis))
    throw new TestkitError(
      "INVALID_OVERRIDE",
      `Failed to build conference-page: ${param} must be a day (YYYY-MM-DD), not ${JSON.stringify(value)}`,
    );
  return millis;
}

/**
 * The bounds of a date filter trio: `Name` (that UTC day), `Name<` (on or before that day) and
 * `Name>` (on or after), as the fake reads them; an end no filter sets is infinite.
 */
function bounds(query: PageQuery, name: string): TimeWindow {
  const on = day(query, name);
  const before = day(query, `${name}<`);
  const after = day(query, `${name}>`);
  const lows = [on, after].filter((d) => d !== undefined);
  const highs = [on, before].filter((d) => d !== undefined).map((d) => d + DAY_MS - 1000);
  return { from: Math.max(-Infinity, ...lows), to: Math.min(Infinity, ...highs) };
}

/**
 * What a ListConference query fixes on every item: `Status`, `FriendlyName`, and windows for the
 * dates from `DateCreated`, `DateCreated<`, `DateCreated>`, `DateUpdated`, `DateUpdated<`, `DateUpdated>`:
 * the creation time falls where both trios allow it (within the default 2015 to 2025 where they
 * leave it open, or a year from the one bound they set), the update time within its trio.
 *
 * @throws TestkitError `INVALID_OVERRIDE` for a date filter that is not a day, or filters no conference can meet
 */
export function conferenceQuery(query: PageQuery): { fixed: Partial<Conference>; dates: DateWindows | undefined } {
  const fixed: Partial<Conference> = {};
  const status = query.Status;
  if (status === "init" || status === "in-progress" || status === "completed") fixed.status = status;
  if (typeof query.FriendlyName === "string") fixed.friendly_name = query.FriendlyName;
  const created = bounds(query, "DateCreated");
  const updated = bounds(query, "DateUpdated");
  let from = Math.max(created.from, updated.from - MAX_UPDATE_DELAY);
  let to = Math.min(created.to, updated.to);
  if (from === -Infinity && to === Infinity) return { fixed, dates: undefined };
  if (to === Infinity) to = Math.max(DEFAULT_WINDOW.to, from + YEAR_MS);
  if (from === -Infinity) from = Math.min(DEFAULT_WINDOW.from, to - YEAR_MS);
  if (from > to || updated.from > updated.to)
    throw new TestkitError(
      "INVALID_OVERRIDE",
      "Failed to build conference-page: no conference is created and updated within the query's date filters",
    );
  return { fixed, dates: { created: { from, to }, updated } };
}

/** The UTC day of an RFC 2822 date, or undefined. */
const utcDay = (text: string | null): number | undefined => {
  const date = text ? parseRfc2822(text) : undefined;
  return date ? Math.floor(date.getTime() / DAY_MS) * DAY_MS : undefined;
};

/**
 * ListConference's test of a date against a date filter trio, the one the fake Twilio filters with
 * and the page factories check items with: `Name` (that UTC day), `Name<` (on or before) and `Name>`
 * (on or after); on the wire `DateCreated<=2020-01-01` is the parameter `DateCreated<` with the value
 * `2020-01-01`, hence the inclusive bounds. Source: OPERATIONS.md (ListConference query parameters);
 * twilio-oai examples `readDateCreatedEquals`, `readDateCreatedOnOrAfter`.
 *
 * @param query - the list query; its date filters are days (`YYYY-MM-DD`)
 * @param name - `DateCreated` or `DateUpdated`
 * @returns a test on an RFC 2822 date (null or unreadable fails any filter), or undefined when the query sets none of the trio
 * @throws TestkitError `INVALID_OVERRIDE` for a filter value that is not a day
 */
export function dateFilter(
  query: PageQuery,
  name: "DateCreated" | "DateUpdated",
): ((date: string | null) => boolean) | undefined {
  const window = bounds(query, name);
  if (window.from === -Infinity && window.to === Infinity) return undefined;
  return (date) => {
    const d = utcDay(date);
    return d !== undefined && d >= window.from && d <= window.to;
  };
}

/** The first given conference that a ListConference query would not return, as `/conferences/<i>/<field>`. */
export function conferenceMismatch(query: PageQuery, items: readonly Conference[]): string | undefined {
  const { fixed } = conferenceQuery(query);
  const created = dateFilter(query, "DateCreated") ?? (() => true);
  const updated = dateFilter(query, "DateUpdated") ?? (() => true);
  for (const [i, item] of items.entries()) {
    if (fixed.status !== undefined && item.status !== fixed.status)
      return `/conferences/${i}/status is ${item.status}, but the page answers Status=${fixed.status}`;
    if (fixed.friendly_name !== undefined && item.friendly_name !== fixed.friendly_name)
      return `/conferences/${i}/friendly_name is ${item.friendly_name}, but the page answers FriendlyName=${fixed.friendly_name}`;
    if (!created(item.date_created))
      return `/conferences/${i}/date_created ${item.date_created} is outside the page's DateCreated filters`;
    if (!updated(item.date_updated))
      return `/conferences/${i}/date_updated ${item.date_updated} is outside the page's DateUpdated filters`;
  }
  return undefined;
}
