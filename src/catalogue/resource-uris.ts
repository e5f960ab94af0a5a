import { fillPath, operationPath } from "./operations.js";

/**
 * URIs Twilio puts inside resources, built from the resources' own SIDs with the catalogue's path
 * templates, so that `uri` and `subresource_uris` agree with the operations that fetch them.
 * Source: the `uri` values of the real bodies in `../shared/twilio-examples`.
 */

// The last participant URI built: a factory builds one and then checks it against the
// participant-uri rule, which builds it again from the same SIDs.
let lastParticipant = { account_sid: "", conference_sid: "", call_sid: "", uri: "" };

/** `uri` of a Participant: its FetchParticipant path. */
export function participantUri(p: { account_sid: string; conference_sid: string; call_sid: string }): string {
  const last = lastParticipant;
  if (
    p.call_sid === last.call_sid &&
    p.conference_sid === last.conference_sid &&
    p.account_sid === last.account_sid &&
    last.uri !== ""
  )
    return last.uri;
  const uri = operationPath("FetchParticipant", {
    AccountSid: p.account_sid,
    ConferenceSid: p.conference_sid,
    CallSid: p.call_sid,
  });
  lastParticipant = { account_sid: p.account_sid, conference_sid: p.conference_sid, call_sid: p.call_sid, uri };
  return uri;
}

/** `uri` of a Conference: its FetchConference path. */
export function conferenceUri(c: { account_sid: string; sid: string }): string {
  return operationPath("FetchConference", { AccountSid: c.account_sid, Sid: c.sid });
}

/** `subresource_uris` of a Conference: its ListParticipant path and its recordings list. */
export function conferenceSubresourceUris(c: { account_sid: string; sid: string }): {
  participants: string;
  recordings: string;
} {
  return {
    participants: operationPath("ListParticipant", { AccountSid: c.account_sid, ConferenceSid: c.sid }),
    recordings: fillPath("/2010-04-01/Accounts/{AccountSid}/Conferences/{Sid}/Recordings.json", {
      AccountSid: c.account_sid,
      Sid: c.sid,
    }),
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

type ParticipantSids = { account_sid: string; conference_sid: string; call_sid: string };
type ConferenceSids = { account_sid: string; sid: string };
type StreamSids = { account_sid: string; call_sid: string; sid: string };

/**
 * The same participant with other SIDs, its `uri` rebuilt from them so that it still names itself.
 *
 * @example `participantWith(p, { call_sid: "CA…" })` → `{ ...p, call_sid: "CA…", uri: "/2010-04-01/Accounts/AC…/Conferences/CF…/Participants/CA….json" }`
 */
export function participantWith<T extends ParticipantSids>(p: T, sids: Partial<ParticipantSids>): T {
  const next = { ...p, ...sids };
  return { ...next, uri: participantUri(next) };
}

/** The same conference with other SIDs, its `uri` and `subresource_uris` rebuilt from them. */
export function conferenceWith<T extends ConferenceSids>(c: T, sids: Partial<ConferenceSids>): T {
  const next = { ...c, ...sids };
  return { ...next, uri: conferenceUri(next), subresource_uris: conferenceSubresourceUris(next) };
}

/** The same stream with other SIDs, its `uri` rebuilt from them. */
export function streamWith<T extends StreamSids>(s: T, sids: Partial<StreamSids>): T {
  const next = { ...s, ...sids };
  return { ...next, uri: streamUri(next) };
}
