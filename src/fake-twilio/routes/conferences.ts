import { operationPath } from "../../catalogue/operations.js";
import type { Conference, ListConferenceQuery, UpdateConferenceBody } from "../../generated/schemas.js";
import { touched, utcDay } from "../dates.js";
import { notFound } from "../errors.js";
import { endConference } from "../lifecycle.js";
import { paginate } from "../paging.js";
import { fail, type OperationHandlers } from "./context.js";

/**
 * Whether a day passes a date filter trio: `Name` (that UTC day), `Name<` (on or before) and `Name>`
 * (on or after). On the wire `DateCreated<=2020-01-01` is the parameter `DateCreated<` with the value
 * `2020-01-01`, hence the inclusive bounds. Source: OPERATIONS.md (ListConference query parameters);
 * twilio-oai examples `readDateCreatedEquals`, `readDateCreatedOnOrAfter`.
 */
function inDays(
  day: string | undefined,
  on: string | undefined,
  onOrBefore: string | undefined,
  onOrAfter: string | undefined,
): boolean {
  if (on === undefined && onOrBefore === undefined && onOrAfter === undefined) return true;
  return (
    day !== undefined &&
    (on === undefined || day === on) &&
    (onOrBefore === undefined || day <= onOrBefore) &&
    (onOrAfter === undefined || day >= onOrAfter)
  );
}

/** Whether a conference passes ListConference's filters: `Status`, `FriendlyName` (exact) and the date filters. */
const matches =
  (q: ListConferenceQuery) =>
  (c: Readonly<Conference>): boolean =>
    (q.Status === undefined || c.status === q.Status) &&
    (q.FriendlyName === undefined || c.friendly_name === q.FriendlyName) &&
    inDays(utcDay(c.date_created), q.DateCreated, q["DateCreated<"], q["DateCreated>"]) &&
    inDays(utcDay(c.date_updated), q.DateUpdated, q["DateUpdated<"], q["DateUpdated>"]);

/**
 * The three conference operations (OPERATIONS.md): FetchConference; UpdateConference, where
 * `Status=completed` ends the conference with reason `conference-ended-via-api` and
 * `call_sid_ending_conference` null (an announcement only advances `date_updated`); ListConference,
 * filtered and paged.
 */
export const conferenceHandlers: OperationHandlers<"FetchConference" | "UpdateConference" | "ListConference"> = {
  FetchConference: ({ store, path, resourcePath }) => {
    const conference = store.conference(path.AccountSid ?? "", path.Sid ?? "");
    return conference ? { body: conference } : fail(notFound(resourcePath));
  },

  UpdateConference: ({ store, path, body, resourcePath }) => {
    const conference = store.conference(path.AccountSid ?? "", path.Sid ?? "");
    if (!conference) return fail(notFound(resourcePath));
    if ((body as UpdateConferenceBody).Status === "completed")
      return { body: endConference(store, conference, "conference-ended-via-api", null) };
    return { body: store.putConference({ ...conference, date_updated: touched(store.now(), conference) }) };
  },

  ListConference: ({ store, path, query }) => {
    const accountSid = path.AccountSid ?? "";
    const q = query as ListConferenceQuery;
    const filtered = Object.keys(q).some((key) => !["Page", "PageSize", "PageToken"].includes(key));
    const { items, envelope } = paginate(
      store.conferenceList(accountSid),
      filtered ? matches(q) : undefined,
      (c) => c.sid,
      query,
      operationPath("ListConference", { AccountSid: accountSid }),
    );
    return { body: { conferences: items, ...envelope } };
  },
};
