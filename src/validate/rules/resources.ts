import { endedByCall } from "../../catalogue/enums.js";
import { conferenceSubresourceUris, conferenceUri, participantUri, streamUri } from "../../catalogue/resource-uris.js";
import { rfc2822Millis } from "../../rfc2822.js";
import { int, obj, str, strings } from "./_fields.js";
import type { Rule, RuleViolation } from "./types.js";

/**
 * A coaching participant names the call it coaches, and that call is not its own.
 * Source: the spec's description of `coaching` ("If true, call_sid_to_coach must be defined").
 */
export const coachingHasTarget: Rule = (p) => {
  if (p.coaching !== true) return [];
  const target = p.call_sid_to_coach;
  if (typeof target !== "string")
    return [{ field: "call_sid_to_coach", message: "must name the coached call when coaching is true" }];
  if (target === p.call_sid)
    return [{ field: "call_sid_to_coach", message: "must not be the participant's own call_sid" }];
  return [];
};

/** `date_updated` is not before `date_created`. */
export const datesInOrder: Rule = (r) => {
  const created = rfc2822Millis(str(r, "date_created") ?? "");
  const updated = rfc2822Millis(str(r, "date_updated") ?? "");
  if (created !== undefined && updated !== undefined && updated < created)
    return [{ field: "date_updated", message: "must not be before date_created" }];
  return [];
};

const expectUri = (field: string, actual: unknown, expected: string): RuleViolation[] =>
  actual === expected || typeof actual !== "string"
    ? []
    : [{ field, message: `must be ${expected}, built from the object's own SIDs` }];

/** A Participant's `uri` is its FetchParticipant path. */
export const participantUriRule: Rule = (p) => {
  const sids = strings(p, ["account_sid", "conference_sid", "call_sid"]);
  return sids ? expectUri("uri", p.uri, participantUri(sids)) : [];
};

/** A Conference's `uri` and `subresource_uris` are built from its account_sid and sid. */
export const conferenceUrisRule: Rule = (c) => {
  const sids = strings(c, ["account_sid", "sid"]);
  if (!sids) return [];
  const subresources = obj(c, "subresource_uris") ?? {};
  const expected = conferenceSubresourceUris(sids);
  return [
    ...expectUri("uri", c.uri, conferenceUri(sids)),
    ...expectUri("subresource_uris/participants", subresources.participants, expected.participants),
    ...expectUri("subresource_uris/recordings", subresources.recordings, expected.recordings),
  ];
};

/** A Stream's `uri` is its UpdateStream path. */
export const streamUriRule: Rule = (s) => {
  const sids = strings(s, ["account_sid", "call_sid", "sid"]);
  return sids ? expectUri("uri", s.uri, streamUri(sids)) : [];
};

/** A conference has a `reason_conference_ended` exactly when its status is `completed`. */
export const completedHasReason: Rule = (c) => {
  const completed = c.status === "completed";
  const hasReason = typeof c.reason_conference_ended === "string";
  if (completed && !hasReason)
    return [{ field: "reason_conference_ended", message: "must be set when status is completed" }];
  if (!completed && hasReason)
    return [{ field: "reason_conference_ended", message: "must be null unless status is completed" }];
  return [];
};

/**
 * `call_sid_ending_conference` names a call exactly when a participant ended the conference (the
 * four `…-left` / `…-kicked` reasons), and is null when it ended via the API or has not ended.
 * Source: the spec's description of `call_sid_ending_conference`; real body conference.fetch.3.
 */
export const endingCallMatchesReason: Rule = (c) => {
  const reason = str(c, "reason_conference_ended");
  const byCall = endedByCall(reason);
  const hasCall = typeof c.call_sid_ending_conference === "string";
  if (byCall && !hasCall)
    return [
      { field: "call_sid_ending_conference", message: `must name the call when reason_conference_ended is ${reason}` },
    ];
  if (!byCall && hasCall)
    return [
      { field: "call_sid_ending_conference", message: "must be null unless a participant's call ended the conference" },
    ];
  return [];
};

/** An error body's `more_info` is the documentation page of its code. */
export const moreInfoMatchesCode: Rule = (e) => {
  const code = int(e, "code");
  return code === undefined ? [] : expectUri("more_info", e.more_info, `https://www.twilio.com/docs/errors/${code}`);
};
