import { endedByCall } from "../../catalogue/enums.js";
import { str } from "./_fields.js";
import type { Rule, RuleViolation } from "./types.js";

// The strict profile's cross-field rules of status callbacks (schemas/callbacks/strict/). A callback's
// parameters are text, so a rule reads each one with `str` and leaves other shapes to the schema.

/** One violation per listed field that is present. */
const absent = (p: Readonly<Record<string, unknown>>, fields: readonly string[], why: string): RuleViolation[] =>
  fields.filter((f) => p[f] !== undefined).map((field) => ({ field, message: `must be absent ${why}` }));

/** One violation per listed field that is missing. */
const present = (p: Readonly<Record<string, unknown>>, fields: readonly string[], why: string): RuleViolation[] =>
  fields.filter((f) => p[f] === undefined).map((field) => ({ field, message: `is required ${why}` }));

/** The participant parameters of a conference event: TW-CONF "CallSid … Muted, Hold, Coaching, EndConferenceOnExit, StartConferenceOnEnter: same as CallSid". */
const PARTICIPANT_FLAGS = ["CallSid", "Muted", "Hold", "Coaching", "EndConferenceOnExit", "StartConferenceOnEnter"];

/**
 * Participant events (`participant-*`) carry the participant's `CallSid`, `Muted`, `Hold`, `Coaching`,
 * `EndConferenceOnExit` and `StartConferenceOnEnter`; `conference-start` and `conference-end` carry
 * none of them nor `ParticipantLabel`; announcement events carry all six or none ("if the participant
 * being announced to is still present"). Source: TW-CONF "Request Parameters" (WEBHOOKS.md section 2.3).
 */
const participantEventFields: Rule = (p) => {
  const event = str(p, "StatusCallbackEvent");
  if (event === undefined) return [];
  if (event.startsWith("participant-")) return present(p, PARTICIPANT_FLAGS, `on ${event}`);
  if (event.startsWith("conference-"))
    return absent(p, [...PARTICIPANT_FLAGS, "ParticipantLabel"], `on ${event}: it is about no participant`);
  const some = PARTICIPANT_FLAGS.some((f) => p[f] !== undefined);
  return some ? present(p, PARTICIPANT_FLAGS, `on ${event} when it names a participant (all six or none)`) : [];
};

/**
 * `participant-mute` says `Muted=true`, `participant-unmute` `Muted=false`, `participant-hold`
 * `Hold=true`, `participant-unhold` `Hold=false`. Source: TW-CONF's event table (muted or unmuted,
 * held or unheld) and its Muted/Hold parameters (WEBHOOKS.md sections 2.2, 2.3).
 */
const eventMatchesState: Rule = (p) => {
  const want: Record<string, [string, string]> = {
    "participant-mute": ["Muted", "true"],
    "participant-unmute": ["Muted", "false"],
    "participant-hold": ["Hold", "true"],
    "participant-unhold": ["Hold", "false"],
  };
  const event = str(p, "StatusCallbackEvent");
  const rule = event === undefined ? undefined : want[event];
  if (!rule) return [];
  const [field, value] = rule;
  const got = str(p, field);
  return got !== undefined && got !== value ? [{ field, message: `must be ${value} on ${event}` }] : [];
};

/**
 * `ReasonConferenceEnded`, `Reason`, `CallSidEndingConference` and `ParticipantLabelEndingConference`
 * only on `conference-end`, which always has `ReasonConferenceEnded`. Source: TW-CONF (sent on: end);
 * public since 2020-05-21 (CL).
 */
const conferenceEndFields: Rule = (p) => {
  const event = str(p, "StatusCallbackEvent");
  if (event === undefined) return [];
  if (event === "conference-end") return present(p, ["ReasonConferenceEnded"], "on conference-end");
  return absent(
    p,
    ["ReasonConferenceEnded", "Reason", "CallSidEndingConference", "ParticipantLabelEndingConference"],
    "unless StatusCallbackEvent is conference-end",
  );
};

/**
 * On `conference-end`, `CallSidEndingConference` names a call exactly when a participant ended the
 * conference (the `…-left` and `…-kicked` reasons), and `ParticipantLabelEndingConference` comes only
 * with it. Source: TW-CONF ("the participant who ended the conference (if applicable)"); the same
 * relation on the Conference resource (its `call_sid_ending_conference`).
 */
const endingCallFollowsReason: Rule = (p) => {
  if (str(p, "StatusCallbackEvent") !== "conference-end") return [];
  const reason = str(p, "ReasonConferenceEnded");
  if (reason === undefined) return [];
  const byCall = endedByCall(reason);
  const hasCall = p.CallSidEndingConference !== undefined;
  if (byCall && !hasCall)
    return [{ field: "CallSidEndingConference", message: `is required when ReasonConferenceEnded is ${reason}` }];
  if (!byCall)
    return absent(
      p,
      ["CallSidEndingConference", "ParticipantLabelEndingConference"],
      `when ReasonConferenceEnded is ${reason}`,
    );
  return [];
};

/**
 * `participant-leave` carries `ParticipantCallStatus` and `ReasonParticipantLeft`, and no other event
 * does. Source: TW-CONF, since 2023-10-25 (CL).
 */
const leaveFields: Rule = (p) => {
  const event = str(p, "StatusCallbackEvent");
  if (event === undefined) return [];
  const fields = ["ParticipantCallStatus", "ReasonParticipantLeft"];
  return event === "participant-leave"
    ? present(p, fields, "on participant-leave")
    : absent(p, fields, "unless StatusCallbackEvent is participant-leave");
};

/**
 * `AnnounceUrl` only on `announcement-end` and `announcement-fail`; `ReasonAnnouncementFailed` only on
 * `announcement-fail`. Source: TW-CONF (sent on: announcement).
 */
const announcementFields: Rule = (p) => {
  const event = str(p, "StatusCallbackEvent");
  if (event === undefined) return [];
  const out: RuleViolation[] = [];
  if (!event.startsWith("announcement-"))
    out.push(...absent(p, ["AnnounceUrl"], "unless the event is an announcement's"));
  if (event !== "announcement-fail")
    out.push(...absent(p, ["ReasonAnnouncementFailed"], "unless StatusCallbackEvent is announcement-fail"));
  return out;
};

/** Call statuses of the terminal events: TW-CALL "completed … regardless of the termination status". */
const TERMINAL = new Set(["completed", "busy", "failed", "no-answer", "canceled"]);

/** `Caller` is `From` and `Called` is `To`. Source: TW-CALL ("Caller (= From), Called (= To)"). */
const callerIsFrom: Rule = (p) => {
  const out: RuleViolation[] = [];
  for (const [copy, of] of [
    ["Caller", "From"],
    ["Called", "To"],
  ] as const) {
    const a = str(p, copy);
    const b = str(p, of);
    if (a !== undefined && b !== undefined && a !== b) out.push({ field: copy, message: `must equal ${of} (${b})` });
  }
  return out;
};

/**
 * `Duration` (minutes) only when `CallStatus` is `completed`; `CallDuration` (seconds) and
 * `SipResponseCode` only on terminal statuses (completed, busy, failed, no-answer, canceled); a
 * completed call has both durations. Source: TW-CALL ("Only present in the completed event", "Only
 * present in terminal events"); the real completed capture has both.
 */
const terminalFields: Rule = (p) => {
  const status = str(p, "CallStatus");
  if (status === undefined) return [];
  if (status === "completed") return present(p, ["Duration", "CallDuration"], "when CallStatus is completed");
  const out = absent(p, ["Duration"], "unless CallStatus is completed");
  if (!TERMINAL.has(status))
    out.push(...absent(p, ["CallDuration", "SipResponseCode"], `when CallStatus is ${status}, not terminal`));
  return out;
};

/**
 * `RecordingUrl`, `RecordingSid` and `RecordingDuration` come together, and only when `CallStatus` is
 * `completed`. Source: TW-CALL ("completed only, and only with Record=true").
 */
const recordingFields: Rule = (p) => {
  const status = str(p, "CallStatus");
  if (status === undefined) return [];
  const fields = ["RecordingUrl", "RecordingSid", "RecordingDuration"];
  if (status !== "completed") return absent(p, fields, "unless CallStatus is completed");
  return fields.some((f) => p[f] !== undefined) ? present(p, fields, "with the other recording fields") : [];
};

/** `StirStatus` only on ringing and in-progress. Source: TW-CALL ("Present in ringing and in-progress events"). */
const stirStatusEvents: Rule = (p) => {
  const status = str(p, "CallStatus");
  return status === undefined || status === "ringing" || status === "in-progress"
    ? []
    : absent(p, ["StirStatus"], "unless CallStatus is ringing or in-progress");
};

/**
 * A conference recording (`RecordingSource=Conference`) names its `ConferenceSid`, has one channel and
 * no `CallSid` or `RecordingTrack`; a call recording names its `CallSid` and no `ConferenceSid`.
 * Source: TW-CONF's conference recording parameters ("Only 1 channel is supported") and TW-CALL's call
 * recording parameters (WEBHOOKS.md section 4).
 */
const recordingOwner: Rule = (p) => {
  const source = str(p, "RecordingSource");
  if (source === undefined) return [];
  if (source !== "Conference")
    return [...present(p, ["CallSid"], "on a call recording"), ...absent(p, ["ConferenceSid"], "on a call recording")];
  const out = [
    ...present(p, ["ConferenceSid"], "on a conference recording"),
    ...absent(p, ["CallSid", "RecordingTrack"], "on a conference recording"),
  ];
  const channels = str(p, "RecordingChannels");
  if (channels !== undefined && channels !== "1")
    out.push({
      field: "RecordingChannels",
      message: "must be 1 on a conference recording: only 1 channel is supported",
    });
  return out;
};

/** A `completed` recording says how long it is (`RecordingDuration`). Source: TW-CALL and TW-CONF's parameter lists. */
const recordingDurationWhenCompleted: Rule = (p) =>
  str(p, "RecordingStatus") === "completed"
    ? present(p, ["RecordingDuration"], "when RecordingStatus is completed")
    : [];

/** `StreamError` exactly on `stream-error`. Source: TW-STREAM ("If an error has occurred, this will contain a detailed error message"). */
const streamErrorFields: Rule = (p) => {
  const event = str(p, "StreamEvent");
  if (event === undefined) return [];
  return event === "stream-error"
    ? present(p, ["StreamError"], "on stream-error")
    : absent(p, ["StreamError"], "unless StreamEvent is stream-error");
};

/** The callback rules, by the name a strict callback schema lists under `twilioRules`. */
export const CALLBACK_RULES = {
  "participant-event-fields": participantEventFields,
  "event-matches-state": eventMatchesState,
  "conference-end-fields": conferenceEndFields,
  "ending-call-follows-reason": endingCallFollowsReason,
  "leave-fields": leaveFields,
  "announcement-fields": announcementFields,
  "caller-is-from": callerIsFrom,
  "terminal-fields": terminalFields,
  "recording-fields": recordingFields,
  "stir-status-events": stirStatusEvents,
  "recording-owner": recordingOwner,
  "recording-duration-when-completed": recordingDurationWhenCompleted,
  "stream-error-fields": streamErrorFields,
} as const satisfies Record<string, Rule>;
