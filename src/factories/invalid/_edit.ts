// internal: edits shared by the invalid-rule families.
import { conferenceSubresourceUris, conferenceUri, participantUri, streamUri } from "../../catalogue/resource-uris.js";
import type { Conference, Participant, Stream } from "../../generated/schemas.js";

/** Another SID of the same kind: the last hex digit moved on by one, so it always differs. */
export const otherSid = (sid: string): string => sid.slice(0, -1) + ((Number.parseInt(sid.slice(-1), 16) + 1) % 16).toString(16);

/** The participant with other SIDs and its `uri` rebuilt from them, so that the URI rule still holds. */
export function participantWith(p: Participant, sids: Partial<Pick<Participant, "account_sid" | "conference_sid" | "call_sid">>) {
  const next = { ...p, ...sids };
  return { ...next, uri: participantUri(next) };
}

/** The conference with other SIDs and its `uri` and `subresource_uris` rebuilt from them. */
export function conferenceWith(c: Conference, sids: Partial<Pick<Conference, "account_sid" | "sid">>) {
  const next = { ...c, ...sids };
  return { ...next, uri: conferenceUri(next), subresource_uris: conferenceSubresourceUris(next) };
}

/** The stream with another SID and its `uri` rebuilt from it. */
export function streamWith(s: Stream, sids: Partial<Pick<Stream, "sid">>) {
  const next = { ...s, ...sids };
  return { ...next, uri: streamUri(next) };
}
