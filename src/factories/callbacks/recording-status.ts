import type { RecordingStatus, RecordingStatusCallback } from "../../generated/schemas.js";
import { sid } from "../_draw.js";
import { Factory } from "../factory.js";
import { callbackTimestamp, recordingSid } from "./_draw.js";
import { callbackChecks } from "./_definition.js";
import type { CallbackConference, CallbackParticipant } from "./subjects.js";
import type { CallbackInvalidRuleName } from "./invalid.js";
import { recordingUrl } from "./_recording-url.js";

/**
 * Trait names of {@link recordingStatusFactory}: the statuses the documentation lists (`in-progress`,
 * `completed`, `absent`) and `failed` (OAI), and `conference` for a conference recording
 * (`RecordingSource=Conference`) rather than a participant's call recording. Source: TW-CALL, TW-CONF,
 * OAI (WEBHOOKS.md section 4).
 */
export type RecordingStatusTrait = "in-progress" | "completed" | "absent" | "failed" | "conference";

const STATUSES: readonly RecordingStatus[] = ["in-progress", "completed", "absent", "failed"];

/** Parameters of {@link recordingStatusFactory}. */
export interface RecordingStatusParams {
  /** The participant whose call is recorded (RecordingStatusCallback): AccountSid, CallSid */
  readonly participant?: Pick<CallbackParticipant, "account_sid" | "call_sid"> | undefined;
  /** The conference that is recorded (ConferenceRecordingStatusCallback): AccountSid, ConferenceSid */
  readonly conference?: Pick<CallbackConference, "account_sid" | "sid"> | undefined;
}

/** A recording status callback factory whose callbacks can be about a participant's call or a conference. */
export class RecordingStatusFactory extends Factory<
  RecordingStatusCallback,
  RecordingStatusParams,
  RecordingStatusTrait,
  CallbackInvalidRuleName
> {
  /** A factory whose callbacks are about a recording of `participant`'s call (`RecordingSource=OutboundAPI`): its AccountSid and CallSid. */
  forParticipant(participant: Pick<CallbackParticipant, "account_sid" | "call_sid">): this {
    return this.withParams({ participant, conference: undefined });
  }

  /** A factory whose callbacks are about a recording of `conference` (`RecordingSource=Conference`, one channel): its AccountSid and ConferenceSid. */
  forConference(conference: Pick<CallbackConference, "account_sid" | "sid">): this {
    return this.withParams({ conference, participant: undefined });
  }
}

/**
 * Builds recording status callbacks in today's documented shape (strict profile of
 * schemas/callbacks/strict/recording-status.json; WEBHOOKS.md section 4): a call recording
 * (`RecordingSource=OutboundAPI`, CallSid, one or two channels, maybe a `RecordingTrack`) or a
 * conference recording (`RecordingSource=Conference`, ConferenceSid, one channel);
 * `RecordingStartTime` RFC 2822; `RecordingDuration` on `completed` (and sometimes on others).
 *
 * @example `recordingStatusFactory.seed(1).forConference(conference).traits("completed").build()`
 */
export const recordingStatusFactory = new RecordingStatusFactory({
  ...callbackChecks("recording-status"),
  validByConstruction: true,
  params: {},
  traits: {
    "in-progress": () => ({ RecordingStatus: "in-progress" }),
    completed: () => ({ RecordingStatus: "completed" }),
    absent: () => ({ RecordingStatus: "absent" }),
    failed: () => ({ RecordingStatus: "failed" }),
    conference: () => ({ RecordingSource: "Conference" }),
  },
  generate: ({ draw, fixed, params: { participant, conference } }) => {
    const source =
      fixed.RecordingSource ??
      (conference
        ? "Conference"
        : participant
          ? "OutboundAPI"
          : draw("RecordingSource").helpers.arrayElement(["OutboundAPI", "Conference"] as const));
    const status = fixed.RecordingStatus ?? draw("RecordingStatus").helpers.arrayElement(STATUSES);
    const accountSid = conference?.account_sid ?? participant?.account_sid ?? sid(draw("AccountSid"), "AC");
    const recording = recordingSid(draw("RecordingSid"));
    const built: RecordingStatusCallback = {
      AccountSid: accountSid,
      RecordingSid: recording,
      RecordingUrl: recordingUrl(accountSid, recording),
      RecordingStatus: status,
      RecordingChannels: "1",
      RecordingStartTime: callbackTimestamp(draw("RecordingStartTime")),
      RecordingSource: source,
    };
    if (source === "Conference") built.ConferenceSid = conference?.sid ?? sid(draw("ConferenceSid"), "CF");
    else {
      built.CallSid = participant?.call_sid ?? sid(draw("CallSid"), "CA");
      built.RecordingChannels = draw("RecordingChannels").helpers.arrayElement(["1", "2"] as const);
      const track = draw("RecordingTrack");
      if (track.datatype.boolean())
        built.RecordingTrack = track.helpers.arrayElement(["inbound", "outbound", "both"] as const);
    }
    const duration = draw("RecordingDuration");
    if (status === "completed" || duration.datatype.boolean({ probability: 0.2 }))
      built.RecordingDuration = String(status === "completed" ? duration.number.int({ min: 1, max: 3600 }) : 0);
    return built;
  },
});
