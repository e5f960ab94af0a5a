import type { CallProgressCallback, CallProgressStatus } from "../../generated/schemas.js";
import { sid } from "../_draw.js";
import { Factory, traitPerValue } from "../factory.js";
import { callbackTimestamp, phoneNumber, recordingSid } from "./_draw.js";
import { callbackChecks } from "./_definition.js";
import type { CallbackParticipant } from "./subjects.js";
import type { CallbackInvalidRuleName } from "./invalid.js";
import { recordingUrl } from "./_recording-url.js";

/**
 * Trait names of {@link callProgressFactory}: the four events a participant's `StatusCallbackEvent`
 * subscribes to (`initiated`, `ringing`, `answered` → `CallStatus=in-progress`, `completed`) and the
 * other terminal statuses the `completed` event reports (`busy`, `failed`, `no-answer`, `canceled`).
 * Source: TW-CALL (WEBHOOKS.md section 3).
 */
export type CallProgressTrait =
  | "initiated"
  | "ringing"
  | "answered"
  | "completed"
  | "busy"
  | "failed"
  | "no-answer"
  | "canceled";

/** The `CallStatus` of each trait. */
const STATUS_OF: Readonly<Record<CallProgressTrait, CallProgressStatus>> = {
  initiated: "initiated",
  ringing: "ringing",
  answered: "in-progress",
  completed: "completed",
  busy: "busy",
  failed: "failed",
  "no-answer": "no-answer",
  canceled: "canceled",
};
const TRAITS = Object.keys(STATUS_OF) as CallProgressTrait[];

/** The `SequenceNumber` a callback of each status has in a call that goes initiated, ringing, answered, completed (TW-CALL: "starting from 0"). */
const SEQUENCE_OF: Readonly<Record<string, number>> = { initiated: 0, ringing: 1, "in-progress": 2, completed: 3 };

/** SIP responses of the terminal statuses (TW-CALL: "e.g. 404 unreachable, 487 timeout"; 486 busy in the busy capture). */
const SIP_OF: Readonly<Record<string, string>> = {
  completed: "200",
  busy: "486",
  failed: "404",
  "no-answer": "487",
  canceled: "487",
};
const TERMINAL = new Set(Object.keys(SIP_OF));

/** Parameters of {@link callProgressFactory}. */
export interface CallProgressParams {
  /** The participant whose call reports its progress: AccountSid and CallSid */
  readonly participant?: Pick<CallbackParticipant, "account_sid" | "call_sid">;
}

/** A call progress callback factory whose callbacks can be about a participant's call. */
export class CallProgressFactory extends Factory<
  CallProgressCallback,
  CallProgressParams,
  CallProgressTrait,
  CallbackInvalidRuleName
> {
  /** A factory whose callbacks report `participant`'s call: its AccountSid and CallSid. */
  forParticipant(participant: Pick<CallbackParticipant, "account_sid" | "call_sid">): this {
    return this.withParams({ participant });
  }
}

/**
 * Builds a participant's call progress callbacks (CreateParticipant `StatusCallback`) in today's
 * documented shape (strict profile of schemas/callbacks/strict/call-progress.json; TW-CALL, WEBHOOKS.md
 * section 3): `Caller`/`Called` repeat `From`/`To`, `Direction` `outbound-api` (a participant's call is
 * created by the REST API; unconfirmed for participant legs, section 3), `CallbackSource`
 * `call-progress-events`, `SequenceNumber` 0 to 3 along initiated, ringing, answered, completed;
 * `Duration` (minutes) and `CallDuration` (seconds) on `completed`, `CallDuration` and
 * `SipResponseCode` on the other terminal statuses, `StirStatus` only on ringing and in-progress.
 *
 * @example `callProgressFactory.seed(2).forParticipant(participant).traits("answered").build()` → `CallStatus: "in-progress"`
 */
export const callProgressFactory = new CallProgressFactory({
  ...callbackChecks("call-progress"),
  validByConstruction: true,
  params: {},
  traits: traitPerValue<CallProgressTrait, CallProgressCallback>(TRAITS, (trait) => ({ CallStatus: STATUS_OF[trait] })),
  generate: ({ draw, fixed, params: { participant } }) => {
    const status = fixed.CallStatus ?? STATUS_OF[draw("CallStatus").helpers.arrayElement(TRAITS)];
    const from = fixed.From ?? phoneNumber(draw("From"));
    const to = fixed.To ?? phoneNumber(draw("To"));
    const built: CallProgressCallback = {
      CallSid: participant?.call_sid ?? sid(draw("CallSid"), "CA"),
      AccountSid: participant?.account_sid ?? sid(draw("AccountSid"), "AC"),
      From: from,
      To: to,
      CallStatus: status,
      ApiVersion: "2010-04-01",
      Direction: "outbound-api",
      Caller: from,
      Called: to,
      Timestamp: callbackTimestamp(draw("Timestamp")),
      CallbackSource: "call-progress-events",
      SequenceNumber: String(SEQUENCE_OF[status] ?? draw("SequenceNumber").number.int({ min: 1, max: 3 })),
    };
    const geography = draw("geography");
    if (geography.datatype.boolean({ probability: 0.7 })) {
      const city = geography.location.city();
      const state = geography.location.state({ abbreviated: true });
      const zip = geography.helpers.maybe(() => geography.location.zipCode("#####"), { probability: 0.6 }) ?? "";
      built.CalledCity = built.ToCity = city;
      built.CalledState = built.ToState = state;
      built.CalledZip = built.ToZip = zip;
      built.CalledCountry = built.ToCountry = "US";
    }
    const stir = draw("StirStatus");
    if ((status === "ringing" || status === "in-progress") && stir.datatype.boolean({ probability: 0.3 }))
      built.StirStatus = stir.helpers.arrayElement(["A", "B", "C"] as const);
    if (TERMINAL.has(status)) {
      const seconds = status === "completed" ? draw("CallDuration").number.int({ min: 1, max: 3600 }) : 0;
      built.CallDuration = String(seconds);
      if (status === "completed") built.Duration = String(Math.ceil(seconds / 60));
      if (draw("SipResponseCode").datatype.boolean({ probability: 0.5 }))
        built.SipResponseCode = SIP_OF[status] ?? "200";
      const recordings = draw("RecordingSid");
      if (status === "completed" && recordings.datatype.boolean({ probability: 0.2 })) {
        const recording = recordingSid(recordings);
        built.RecordingSid = recording;
        built.RecordingUrl = recordingUrl(built.AccountSid, recording);
        built.RecordingDuration = String(Math.max(0, seconds - 1));
      }
    }
    return built;
  },
});
