import { fillPath, operationPath } from "./operations.js";

/**
 * URIs Twilio puts inside resources, built from the resources' own SIDs with the catalogue's path
 * templates, so that `uri` and `subresource_uris` agree with the operations that fetch them.
 * Source: the `uri` values of the real bodies in `../shared/twilio-examples`.
 */

/** `uri` of a Participant: its FetchParticipant path. */
export function participantUri(p: { account_sid: string; conference_sid: string; call_sid: string }): string {
  return operationPath("FetchParticipant", { AccountSid: p.account_sid, ConferenceSid: p.conference_sid, CallSid: p.call_sid });
}

/** `uri` of a Conference: its FetchConference path. */
export function conferenceUri(c: { account_sid: string; sid: string }): string {
  return operationPath("FetchConference", { AccountSid: c.account_sid, Sid: c.sid });
}

/** `subresource_uris` of a Conference: its ListParticipant path and its recordings list. */
export function conferenceSubresourceUris(c: { account_sid: string; sid: string }): { participants: string; recordings: string } {
  return {
    participants: operationPath("ListParticipant", { AccountSid: c.account_sid, ConferenceSid: c.sid }),
    recordings: fillPath("/2010-04-01/Accounts/{AccountSid}/Conferences/{Sid}/Recordings.json", { AccountSid: c.account_sid, Sid: c.sid }),
  };
}

/** `uri` of a Stream: its UpdateStream path. */
export function streamUri(s: { account_sid: string; call_sid: string; sid: string }): string {
  return operationPath("UpdateStream", { AccountSid: s.account_sid, CallSid: s.call_sid, Sid: s.sid });
}

/** Paging position of a list page: which page, how many per page, and the page tokens Twilio adds. */
export interface PagePosition {
  /** Zero-based page number (`Page`) */
  readonly page: number;
  /** Items per page (`PageSize`, 1 to 1000) */
  readonly pageSize: number;
  /** `PageToken` of this page, if reached by token (Twilio uses `PA<sid>` forwards, `PB<sid>` backwards) */
  readonly pageToken?: string | undefined;
}

/**
 * A page URI as Twilio writes it: the list path, the filters in the order given, then `PageSize`,
 * `Page` and `PageToken`; `<` and `>` in filter names are percent-encoded (`DateCreated%3C`).
 *
 * @param listPath - e.g. `/2010-04-01/Accounts/AC…/Conferences.json`
 * @param filters - query filters such as `{ Status: "completed" }`, in wire order
 * @param position - page, page size and optional token
 */
export function pageUri(listPath: string, filters: Readonly<Record<string, string>>, position: PagePosition): string {
  const query = new URLSearchParams(filters);
  query.set("PageSize", String(position.pageSize));
  query.set("Page", String(position.page));
  if (position.pageToken !== undefined) query.set("PageToken", position.pageToken);
  return `${listPath}?${query.toString()}`;
}
