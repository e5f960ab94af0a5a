import type { ConferenceStatus, ParticipantStatus, ReasonConferenceEnded, StreamStatus } from "../generated/schemas.js";
import { readEnum } from "./schema-files.js";

/** Participant `status` values, from schemas/participant.json (twilio-oai participant_enum_status). */
export const PARTICIPANT_STATUSES = readEnum("participant.json", "Status") as readonly ParticipantStatus[];

/** Conference `status` values, from schemas/conference.json (twilio-oai conference_enum_status). */
export const CONFERENCE_STATUSES = readEnum("conference.json", "Status") as readonly ConferenceStatus[];

/** Conference `reason_conference_ended` values, from schemas/conference.json (twilio-oai conference_enum_reason_conference_ended). */
export const END_REASONS = readEnum("conference.json", "ReasonConferenceEnded") as readonly ReasonConferenceEnded[];

/** Stream `status` values, from schemas/stream.json (twilio-oai stream_enum_status). */
export const STREAM_STATUSES = readEnum("stream.json", "Status") as readonly StreamStatus[];

/**
 * Whether a participant's call ended the conference: the `…-left` and `…-kicked` reasons, for which
 * Twilio names the call in `call_sid_ending_conference` (null for `conference-ended-via-api`).
 * Source: the spec's description of call_sid_ending_conference; real body conference.fetch.3.
 */
export const endedByCall = (reason: string | null | undefined): boolean =>
  typeof reason === "string" && /-(left|kicked)$/.test(reason);
