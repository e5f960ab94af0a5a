import { caseOf, rulesCovering } from "../invalid/_rule-lookup.js";
import type { CallbackKind, CallbackTypes } from "../../validate/callbacks.js";
import type { Profile } from "../../validate/resources.js";
import { otherSid } from "../invalid/_edit.js";
import type { InvalidCase } from "../invalid/types.js";

/** A rule's cases, by the callback kinds it applies to. */
export type CallbackInvalidCases = { readonly [K in CallbackKind]?: InvalidCase<CallbackTypes["strict"][K]> };

/** A named way to break a status callback, as {@link CALLBACK_INVALID_RULES} lists them. */
export interface CallbackInvalidRule {
  /** One line for people: what is wrong in the fixture */
  readonly summary: string;
  /** The profiles that reject the fixture: both for a schema keyword the tolerant schemas share, `strict` alone for a cross-field rule or an undocumented parameter */
  readonly profiles: readonly Profile[];
  /** How to break it, per callback kind */
  readonly cases: CallbackInvalidCases;
}

/** The parameters without `key`. */
function without<T extends object>(params: T, key: keyof T & string): Record<string, unknown> {
  const { [key]: _, ...rest } = params as Record<string, unknown>;
  return rest;
}

/** `+0000` written as `GMT`, as `Date.prototype.toUTCString` writes it. */
const gmt = (p: { Timestamp: string }): Record<string, unknown> => ({
  ...p,
  Timestamp: p.Timestamp.replace(/\+0000$/, "GMT"),
});

/**
 * Every way twilio-testkit can break a status callback, by name: which callback kinds each rule
 * applies to, how it breaks a valid callback, and the one issue `validateCallback` then reports. The
 * names of cross-field rules are the validator's own (`event-matches-state`, `terminal-fields`, …; see
 * src/validate/rules/callbacks.ts); the others name what is wrong (`sid-prefix` → `pattern`,
 * `timestamp-gmt` → `format`, `event-enum` → `enum`, `undocumented-parameter` → `additionalProperties`).
 * Sources: WEBHOOKS.md sections 2 to 5.
 */
export const CALLBACK_INVALID_RULES = {
  "sid-prefix": {
    summary:
      "the callback's own SID has another resource's prefix: a ConferenceSid, RecordingSid or StreamSid starting CA, a CallSid starting CF",
    profiles: ["strict", "tolerant"],
    cases: {
      "conference-status": {
        mutate: (c) => ({ ...c, ConferenceSid: `CA${c.ConferenceSid.slice(2)}` }),
        issue: { path: "/ConferenceSid", rule: "pattern" },
      },
      "call-progress": {
        mutate: (c) => ({ ...c, CallSid: `CF${c.CallSid.slice(2)}` }),
        issue: { path: "/CallSid", rule: "pattern" },
      },
      "recording-status": {
        mutate: (r) => ({ ...r, RecordingSid: `CA${r.RecordingSid.slice(2)}` }),
        issue: { path: "/RecordingSid", rule: "pattern" },
      },
      "stream-status": {
        mutate: (s) => ({ ...s, StreamSid: `CA${s.StreamSid.slice(2)}` }),
        issue: { path: "/StreamSid", rule: "pattern" },
      },
    },
  },
  "timestamp-gmt": {
    summary: "Timestamp ends in GMT, as Date.prototype.toUTCString writes it, instead of +0000",
    profiles: ["strict", "tolerant"],
    cases: {
      "conference-status": { mutate: gmt, issue: { path: "/Timestamp", rule: "format" } },
      "call-progress": { mutate: gmt, issue: { path: "/Timestamp", rule: "format" } },
    },
  },
  "timestamp-other-standard": {
    summary:
      "Timestamp in the other callbacks' standard: ISO 8601 on a conference or call callback, RFC 2822 on a stream callback",
    profiles: ["strict", "tolerant"],
    cases: {
      "conference-status": {
        mutate: (c) => ({ ...c, Timestamp: "2017-06-01T20:48:32Z" }),
        issue: { path: "/Timestamp", rule: "format" },
      },
      "call-progress": {
        mutate: (c) => ({ ...c, Timestamp: "2018-03-25T09:53:19Z" }),
        issue: { path: "/Timestamp", rule: "format" },
      },
      "stream-status": {
        mutate: (s) => ({ ...s, Timestamp: "Mon, 15 Jan 2024 10:30:00 +0000" }),
        issue: { path: "/Timestamp", rule: "format" },
      },
    },
  },
  "sequence-negative": {
    summary: "SequenceNumber is -1; it counts from 0 (TW-CALL) and is never negative",
    profiles: ["strict", "tolerant"],
    cases: {
      "conference-status": {
        mutate: (c) => ({ ...c, SequenceNumber: "-1" }),
        issue: { path: "/SequenceNumber", rule: "pattern" },
      },
      "call-progress": {
        mutate: (c) => ({ ...c, SequenceNumber: "-1" }),
        issue: { path: "/SequenceNumber", rule: "pattern" },
      },
    },
  },
  "boolean-capitalised": {
    summary: "Muted is True, as Python's str(True) writes it; Twilio sends true or false",
    profiles: ["strict", "tolerant"],
    cases: {
      "conference-status": {
        base: { StatusCallbackEvent: "participant-join" },
        mutate: (c) => ({ ...c, Muted: "True" }),
        issue: { path: "/Muted", rule: "enum" },
      },
    },
  },
  "event-enum": {
    summary:
      "the event is not one Twilio sends: participant-joined, CallStatus answered (the answered event sends in-progress), RecordingStatus recorded, StreamEvent stream-start (a community handler's spelling)",
    profiles: ["strict", "tolerant"],
    cases: {
      "conference-status": {
        base: { StatusCallbackEvent: "participant-join" },
        mutate: (c) => ({ ...c, StatusCallbackEvent: "participant-joined" }),
        issue: { path: "/StatusCallbackEvent", rule: "enum" },
      },
      "call-progress": {
        base: { CallStatus: "initiated" },
        mutate: (c) => ({ ...c, CallStatus: "answered" }),
        issue: { path: "/CallStatus", rule: "enum" },
      },
      "recording-status": {
        base: { RecordingStatus: "in-progress" },
        mutate: (r) => ({ ...r, RecordingStatus: "recorded" }),
        issue: { path: "/RecordingStatus", rule: "enum" },
      },
      "stream-status": {
        base: { StreamEvent: "stream-started" },
        mutate: (s) => ({ ...s, StreamEvent: "stream-start" }),
        issue: { path: "/StreamEvent", rule: "enum" },
      },
    },
  },
  "undocumented-parameter": {
    summary:
      "a parameter the kind's documentation does not list: CallStatus on a conference callback, SequenceNumber on a stream callback",
    profiles: ["strict"],
    cases: {
      "conference-status": {
        mutate: (c) => ({ ...c, CallStatus: "in-progress" }),
        issue: { path: "/CallStatus", rule: "additionalProperties" },
      },
      "stream-status": {
        mutate: (s) => ({ ...s, SequenceNumber: "1" }),
        issue: { path: "/SequenceNumber", rule: "additionalProperties" },
      },
    },
  },
  "participant-event-fields": {
    summary: "a participant-join without Muted",
    profiles: ["strict"],
    cases: {
      "conference-status": {
        base: { StatusCallbackEvent: "participant-join" },
        mutate: (c) => without(c, "Muted"),
        issue: { path: "/Muted", rule: "participant-event-fields" },
      },
    },
  },
  "event-matches-state": {
    summary: "a participant-mute with Muted=false",
    profiles: ["strict"],
    cases: {
      "conference-status": {
        base: { StatusCallbackEvent: "participant-mute" },
        mutate: (c) => ({ ...c, Muted: "false" }),
        issue: { path: "/Muted", rule: "event-matches-state" },
      },
    },
  },
  "conference-end-fields": {
    summary: "a conference-end without ReasonConferenceEnded",
    profiles: ["strict"],
    cases: {
      "conference-status": {
        base: { StatusCallbackEvent: "conference-end" },
        mutate: (c) => without(c, "ReasonConferenceEnded"),
        issue: { path: "/ReasonConferenceEnded", rule: "conference-end-fields" },
      },
    },
  },
  "ending-call-follows-reason": {
    summary: "a conference-end by last-participant-left without CallSidEndingConference",
    profiles: ["strict"],
    cases: {
      "conference-status": {
        base: { StatusCallbackEvent: "conference-end", ReasonConferenceEnded: "last-participant-left" },
        mutate: (c) => without(c, "CallSidEndingConference"),
        issue: { path: "/CallSidEndingConference", rule: "ending-call-follows-reason" },
      },
    },
  },
  "leave-fields": {
    summary: "a participant-join with ReasonParticipantLeft",
    profiles: ["strict"],
    cases: {
      "conference-status": {
        base: { StatusCallbackEvent: "participant-join" },
        mutate: (c) => ({ ...c, ReasonParticipantLeft: "participant_hung_up" }),
        issue: { path: "/ReasonParticipantLeft", rule: "leave-fields" },
      },
    },
  },
  "announcement-fields": {
    summary: "a participant-join with AnnounceUrl",
    profiles: ["strict"],
    cases: {
      "conference-status": {
        base: { StatusCallbackEvent: "participant-join" },
        mutate: (c) => ({ ...c, AnnounceUrl: "https://example.com/announce.xml" }),
        issue: { path: "/AnnounceUrl", rule: "announcement-fields" },
      },
    },
  },
  "caller-is-from": {
    summary: "Caller differs from From",
    profiles: ["strict"],
    cases: {
      "call-progress": {
        mutate: (c) => ({ ...c, Caller: c.From === "+15005550006" ? "+15005550007" : "+15005550006" }),
        issue: { path: "/Caller", rule: "caller-is-from" },
      },
    },
  },
  "terminal-fields": {
    summary: "a ringing callback with CallDuration, which only terminal events carry",
    profiles: ["strict"],
    cases: {
      "call-progress": {
        base: { CallStatus: "ringing" },
        mutate: (c) => ({ ...c, CallDuration: "12" }),
        issue: { path: "/CallDuration", rule: "terminal-fields" },
      },
    },
  },
  "recording-fields": {
    summary: "a ringing callback with RecordingDuration, which only completed carries",
    profiles: ["strict"],
    cases: {
      "call-progress": {
        base: { CallStatus: "ringing" },
        mutate: (c) => ({ ...c, RecordingDuration: "12" }),
        issue: { path: "/RecordingDuration", rule: "recording-fields" },
      },
    },
  },
  "stir-status-events": {
    summary: "a completed callback with StirStatus, which only ringing and in-progress carry",
    profiles: ["strict"],
    cases: {
      "call-progress": {
        base: { CallStatus: "completed" },
        mutate: (c) => ({ ...c, StirStatus: "A" }),
        issue: { path: "/StirStatus", rule: "stir-status-events" },
      },
    },
  },
  "recording-owner": {
    summary: "a conference recording that names a CallSid",
    profiles: ["strict"],
    cases: {
      "recording-status": {
        base: { RecordingSource: "Conference" },
        mutate: (r) => ({ ...r, CallSid: `CA${otherSid(r.RecordingSid).slice(2)}` }),
        issue: { path: "/CallSid", rule: "recording-owner" },
      },
    },
  },
  "recording-duration-when-completed": {
    summary: "a completed recording without RecordingDuration",
    profiles: ["strict"],
    cases: {
      "recording-status": {
        base: { RecordingStatus: "completed" },
        mutate: (r) => without(r, "RecordingDuration"),
        issue: { path: "/RecordingDuration", rule: "recording-duration-when-completed" },
      },
    },
  },
  "stream-error-fields": {
    summary: "a stream-started callback with StreamError",
    profiles: ["strict"],
    cases: {
      "stream-status": {
        base: { StreamEvent: "stream-started" },
        mutate: (s) => ({ ...s, StreamError: "Stream failed" }),
        issue: { path: "/StreamError", rule: "stream-error-fields" },
      },
    },
  },
} satisfies Record<string, CallbackInvalidRule>;

/** Name of a rule in {@link CALLBACK_INVALID_RULES}, e.g. `event-matches-state`. */
export type CallbackInvalidRuleName = keyof typeof CALLBACK_INVALID_RULES;

/**
 * The rules that apply to a callback kind, in catalogue order.
 *
 * @example `callbackInvalidRulesFor("stream-status")` → `["sid-prefix", "timestamp-other-standard", "event-enum", …]`
 */
export function callbackInvalidRulesFor(kind: CallbackKind): CallbackInvalidRuleName[] {
  return rulesCovering(CALLBACK_INVALID_RULES, kind);
}

/**
 * How to break `rule` on callbacks of `kind`.
 *
 * @throws TestkitError `USAGE` for a rule that is unknown or does not apply to `kind`, listing those that do
 */
export function callbackInvalidCase<K extends CallbackKind>(
  kind: K,
  rule: string,
): InvalidCase<CallbackTypes["strict"][K]> {
  return caseOf(CALLBACK_INVALID_RULES, kind, rule, `${kind} callback`) as InvalidCase<CallbackTypes["strict"][K]>;
}
