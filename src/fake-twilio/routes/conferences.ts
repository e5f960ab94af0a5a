import { operationPath } from "../../catalogue/operations.js";
import type { Conference, ListConferenceQuery, UpdateConferenceBody } from "../../generated/schemas.js";
import { dateFilter } from "../../factories/_filters.js";
import type { PageQuery } from "../../factories/_envelope.js";
import { touched } from "../dates.js";
import { notFound } from "../errors.js";
import { endConference } from "../lifecycle.js";
import { paginate } from "../paging.js";
import { fail, type OperationHandlers } from "./context.js";

/** ListConference's filters as a test on a conference: `Status`, `FriendlyName` (exact) and the date filters (`dateFilter`). */
function matches(q: ListConferenceQuery): (c: Readonly<Conference>) => boolean {
  const created = dateFilter(q as PageQuery, "DateCreated");
  const updated = dateFilter(q as PageQuery, "DateUpdated");
  return (c) =>
    (q.Status === undefined || c.status === q.Status) &&
    (q.FriendlyName === undefined || c.friendly_name === q.FriendlyName) &&
    (created === undefined || created(c.date_created)) &&
    (updated === undefined || updated(c.date_updated));
}

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

  ListConference: ({ store, path, query, sentQuery }) => {
    const accountSid = path.AccountSid ?? "";
    const q = query as ListConferenceQuery;
    const filtered = Object.keys(q).some((key) => !["Page", "PageSize", "PageToken"].includes(key));
    const { items, envelope } = paginate(
      store.conferenceList(accountSid),
      filtered ? matches(q) : undefined,
      (c) => c.sid,
      query,
      sentQuery,
      operationPath("ListConference", { AccountSid: accountSid }),
    );
    return { body: { conferences: items, ...envelope } };
  },
};
