import { endedByCall } from "../../catalogue/enums.js";
import { TestkitError } from "../../errors.js";
import type {
  CallProgressCallback,
  ConferenceStatusCallback,
  ReasonConferenceEnded,
  ReasonParticipantLeft,
} from "../../generated/schemas.js";
import { callbackRfc2822Millis } from "../../rfc2822.js";
import { drawFor } from "../_draw.js";
import { callbackTimestamp, instant, phoneNumber } from "./_draw.js";
import type { CallbackConference, CallbackParticipant } from "./subjects.js";
import { callProgressFactory } from "./call-progress.js";
import { conferenceEventFactory } from "./conference-status.js";

/** What {@link callbackTimeline} plays out. */
export interface CallbackTimelineOptions {
  /**
   * The conference, e.g. a `conferenceFactory` build: its `account_sid`, `sid` and `friendly_name` go
   * into every conference event; its `status` says whether it ends (`completed`), and its
   * `reason_conference_ended` and `call_sid_ending_conference` how (default `last-participant-left`,
   * by the last participant to leave)
   */
  readonly conference: CallbackConference;
  /**
   * Its participants, in the order they dial in, e.g. `participantFactory.forConference(conference)`
   * builds: each must belong to the conference. Their `call_sid`, `label`, `coaching`,
   * `end_conference_on_exit` and `start_conference_on_enter` go into their events; one whose `muted` or
   * `hold` is true is muted or held after everyone joined
   */
  readonly participants: readonly CallbackParticipant[];
  /** Makes the timeline reproducible; default: a random seed */
  readonly seed?: number;
  /** When the first callback fires; default: the conference's `date_created`, else an instant drawn from the seed */
  readonly start?: Date;
  /** Whether everyone leaves and the conference ends; default: whether the conference's `status` is `completed` */
  readonly end?: boolean;
}

/** One callback of a timeline: its kind, when Twilio fires it (milliseconds since the epoch) and its parameters (strict profile). */
export type TimelineCallback =
  | { readonly kind: "conference-status"; readonly at: number; readonly params: ConferenceStatusCallback }
  | { readonly kind: "call-progress"; readonly at: number; readonly params: CallProgressCallback };

/** The callee's place, which every callback of a call repeats. */
const PLACE_KEYS = [
  "CalledCity",
  "CalledState",
  "CalledZip",
  "CalledCountry",
  "ToCity",
  "ToState",
  "ToZip",
  "ToCountry",
] as const satisfies ReadonlyArray<keyof CallProgressCallback>;

function checkMembers(conference: CallbackConference, participants: readonly CallbackParticipant[]): void {
  for (const p of participants)
    if (p.conference_sid !== conference.sid || p.account_sid !== conference.account_sid)
      throw new TestkitError(
        "INVALID_OVERRIDE",
        `Failed to build callback timeline: participant ${p.call_sid} belongs to conference ${p.conference_sid} of ${p.account_sid}, not ${conference.sid} of ${conference.account_sid}`,
      );
}

/**
 * The callbacks Twilio fires, in order, while a conference plays out: each participant's call is
 * `initiated`, `ringing` and `answered` (call progress, `SequenceNumber` 0, 1, 2 per call, TW-CALL) and
 * it joins (`participant-join`); when two have joined (or the only one), `conference-start`; then
 * `participant-mute` / `participant-hold` for each participant whose resource says muted / on hold;
 * and, when the conference ends, each participant leaves (`participant-leave`, then its call's
 * `completed` with `CallDuration` in seconds and `Duration` in minutes), the one that ended the
 * conference last, then `conference-end`. Conference events count `SequenceNumber` from 1, one counter
 * per conference (TW-CONF's example; 0 or 1 is unconfirmed, WEBHOOKS.md section 2.5). Timestamps rise
 * by 1 to 20 seconds a step; every callback passes the strict profile.
 *
 * A receiver's test plays the callbacks to its handler in order (or shuffled: Twilio does not promise
 * the order of arrival, section 2.5) and checks its state against the resources it built.
 *
 * @returns the callbacks, ordered by `at`, which strictly increases
 * @throws TestkitError `INVALID_OVERRIDE` when a participant belongs to another conference or account, or the seed is not a safe integer
 * @example
 * ```ts
 * const conference = conferenceFactory.seed(1).traits("completed").build();
 * const participants = participantFactory.seed(1).forConference(conference).buildList(2);
 * for (const { kind, params } of callbackTimeline({ conference, participants, seed: 1 })) await deliver(kind, params);
 * ```
 * @see WEBHOOKS.md sections 2 (conference events), 3 (call progress) and 10 (guidance for fixtures)
 */
export function callbackTimeline(options: CallbackTimelineOptions): TimelineCallback[] {
  const { conference, participants } = options;
  checkMembers(conference, participants);
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  if (!Number.isSafeInteger(seed))
    throw new TestkitError("INVALID_OVERRIDE", `Failed to build callback timeline: seed ${seed} is not an integer`);
  // The timeline's own draws, one stream each, in the order the timeline makes them: reproducible under the seed.
  const timelineDraw = drawFor(seed, "callback-timeline", 0);
  let draws = 0;
  const faker = () => timelineDraw(String(draws++));
  // Seeds of the factories each call and participant event draws from: safe integers for any seed.
  const subSeed = (n: number) => (seed % 2 ** 32) + n;
  const created =
    typeof conference.date_created === "string" ? callbackRfc2822Millis(conference.date_created) : undefined;
  let at = options.start?.getTime() ?? created ?? instant(faker());
  const ends = options.end ?? conference.status === "completed";
  const out: TimelineCallback[] = [];
  let sequence = 1;
  const conferenceEvents = conferenceEventFactory.seed(seed).forConference(conference);
  const conferenceEvent = (participant: CallbackParticipant | undefined, fields: Partial<ConferenceStatusCallback>) => {
    const factory = participant
      ? conferenceEvents.forParticipant(participant).seed(subSeed(sequence))
      : conferenceEvents;
    const params = factory.build({
      ...fields,
      SequenceNumber: String(sequence++),
      Timestamp: callbackTimestamp(faker(), at),
    });
    out.push({ kind: "conference-status", at, params });
  };
  const calls = participants.map((p, i) => ({
    participant: p,
    progress: callProgressFactory.seed(subSeed(-i - 1)).forParticipant(p),
    /** From and To, and the callee's place once the first callback has drawn it: the same on every callback of the call */
    phones: { From: phoneNumber(faker()), To: phoneNumber(faker()) } as Partial<CallProgressCallback>,
    answeredAt: 0,
    state: { Muted: "false" as "true" | "false", Hold: "false" as "true" | "false" },
  }));
  type Call = (typeof calls)[number];
  const callEvent = (call: Call, fields: Partial<CallProgressCallback>) => {
    const params = call.progress.build({ ...call.phones, ...fields, Timestamp: callbackTimestamp(faker(), at) });
    out.push({ kind: "call-progress", at, params });
  };
  const step = () => {
    at += faker().number.int({ min: 1, max: 20 }) * 1000;
  };

  calls.forEach((call, i) => {
    if (i > 0) step();
    callEvent(call, { CallStatus: "initiated", SequenceNumber: "0" });
    const first = out.at(-1)?.params as CallProgressCallback;
    for (const key of PLACE_KEYS) if (first[key] !== undefined) call.phones[key] = first[key];
    step();
    callEvent(call, { CallStatus: "ringing", SequenceNumber: "1" });
    step();
    callEvent(call, { CallStatus: "in-progress", SequenceNumber: "2" });
    call.answeredAt = at;
    step();
    conferenceEvent(call.participant, { StatusCallbackEvent: "participant-join", ...call.state });
    if (i + 1 === Math.min(2, calls.length)) {
      step();
      conferenceEvent(undefined, { StatusCallbackEvent: "conference-start" });
    }
  });
  for (const call of calls) {
    for (const [flag, event, field] of [
      [call.participant.muted, "participant-mute", "Muted"],
      [call.participant.hold, "participant-hold", "Hold"],
    ] as const) {
      if (flag !== true) continue;
      step();
      call.state[field] = "true";
      conferenceEvent(call.participant, { StatusCallbackEvent: event, ...call.state });
    }
  }
  if (!ends || calls.length === 0) return out;

  const reason = (conference.reason_conference_ended ?? "last-participant-left") as ReasonConferenceEnded;
  const endingSid = endedByCall(reason)
    ? (conference.call_sid_ending_conference ?? calls.at(-1)?.participant.call_sid)
    : undefined;
  const leavers = [
    ...calls.filter((c) => c.participant.call_sid !== endingSid),
    ...calls.filter((c) => c.participant.call_sid === endingSid),
  ];
  const why: ReasonParticipantLeft =
    reason === "conference-ended-via-api" ? "conference_ended_via_api" : "participant_hung_up";
  for (const call of leavers) {
    step();
    conferenceEvent(call.participant, {
      StatusCallbackEvent: "participant-leave",
      ...call.state,
      ParticipantCallStatus: "completed",
      ReasonParticipantLeft: why,
    });
    step();
    const seconds = Math.round((at - call.answeredAt) / 1000);
    callEvent(call, {
      CallStatus: "completed",
      SequenceNumber: "3",
      CallDuration: String(seconds),
      Duration: String(Math.ceil(seconds / 60)),
    });
  }
  step();
  const ending = calls.find((c) => c.participant.call_sid === endingSid)?.participant;
  conferenceEvent(undefined, {
    StatusCallbackEvent: "conference-end",
    ReasonConferenceEnded: reason,
    ...(endingSid === undefined ? {} : { CallSidEndingConference: endingSid }),
    ...(typeof ending?.label === "string" ? { ParticipantLabelEndingConference: ending.label } : {}),
  });
  return out;
}
