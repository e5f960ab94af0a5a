import type { InvalidRule } from "./types.js";

/**
 * Broken states: a status outside its enum, and the cross-field rules between status-like fields.
 * Sources: the status enums of twilio-oai (participant_enum_status, conference_enum_status,
 * stream_enum_status, kept in schemas/); the spec's descriptions of `coaching` ("If true,
 * call_sid_to_coach must be defined") and `call_sid_ending_conference`; real body conference.fetch.3.
 */
export const STATE_RULES = {
  "status-enum": {
    summary:
      'status outside its enum: a participant "completed" (participants say "complete"), a conference "ended", a stream "completed"',
    profiles: ["strict", "tolerant"],
    cases: {
      participant: { mutate: (p) => ({ ...p, status: "completed" }), issue: { path: "/status", rule: "enum" } },
      conference: {
        base: { status: "in-progress" },
        mutate: (c) => ({ ...c, status: "ended" }),
        issue: { path: "/status", rule: "enum" },
      },
      stream: { mutate: (s) => ({ ...s, status: "completed" }), issue: { path: "/status", rule: "enum" } },
    },
  },
  "coaching-has-target": {
    summary: "a coaching participant whose call_sid_to_coach is null",
    profiles: ["strict"],
    cases: {
      participant: {
        mutate: (p) => ({ ...p, coaching: true, call_sid_to_coach: null }),
        issue: { path: "/call_sid_to_coach", rule: "coaching-has-target" },
      },
    },
  },
  "completed-has-reason": {
    summary: "a completed conference (ended via the API) whose reason_conference_ended is null",
    profiles: ["strict"],
    cases: {
      conference: {
        base: { status: "completed", reason_conference_ended: "conference-ended-via-api" },
        mutate: (c) => ({ ...c, reason_conference_ended: null }),
        issue: { path: "/reason_conference_ended", rule: "completed-has-reason" },
      },
    },
  },
  "ending-call-matches-reason": {
    summary: "a conference ended by last-participant-left whose call_sid_ending_conference is null",
    profiles: ["strict"],
    cases: {
      conference: {
        base: { status: "completed", reason_conference_ended: "last-participant-left" },
        mutate: (c) => ({ ...c, call_sid_ending_conference: null }),
        issue: { path: "/call_sid_ending_conference", rule: "ending-call-matches-reason" },
      },
    },
  },
} satisfies Record<string, InvalidRule>;
