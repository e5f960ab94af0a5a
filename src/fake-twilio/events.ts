import type {
  Conference,
  CreateParticipantBody,
  CreateStreamBody,
  Participant,
  ParticipantStatus,
  ReasonConferenceEnded,
  Stream,
} from "../generated/schemas.js";
import type { RecordingInput } from "../factories/callbacks/produce.js";

/**
 * The callback settings a participant was created with: CreateParticipant's form fields as sent,
 * without defaults filled in (Twilio's defaults: methods `POST`, `StatusCallbackEvent` `completed`,
 * `ConferenceStatusCallbackEvent` `start end`; source: the OAI spec's CreateParticipant, WEBHOOKS.md §2.1, §3).
 */
export type ParticipantCallbacks = Readonly<
  Pick<
    CreateParticipantBody,
    | "StatusCallback"
    | "StatusCallbackMethod"
    | "StatusCallbackEvent"
    | "RecordingStatusCallback"
    | "RecordingStatusCallbackMethod"
    | "RecordingStatusCallbackEvent"
  >
>;

/**
 * A conference's callback settings: the `Conference…` fields of the first CreateParticipant that set
 * `ConferenceStatusCallback` in it (Twilio: "Only the value set by the first participant to join the
 * conference is used", OAI; the fake skips participants that set none, so seeded conferences can be
 * subscribed to), as sent, without defaults.
 */
export type ConferenceCallbacks = Readonly<
  Pick<
    CreateParticipantBody,
    | "ConferenceStatusCallback"
    | "ConferenceStatusCallbackMethod"
    | "ConferenceStatusCallbackEvent"
    | "ConferenceRecordingStatusCallback"
    | "ConferenceRecordingStatusCallbackMethod"
    | "ConferenceRecordingStatusCallbackEvent"
  >
>;

/**
 * The recording callback settings a recording status event carries, as sent, without defaults: a
 * call recording's are its participant's `RecordingStatusCallback…` fields, a conference recording's
 * the `ConferenceRecordingStatusCallback…` fields of the participant whose `ConferenceRecord` set it
 * to record (Twilio's defaults: method `POST`, events `completed`; see `CallbackProducer`).
 */
export type RecordingCallbacks = Readonly<
  Pick<
    CreateParticipantBody,
    | "RecordingStatusCallback"
    | "RecordingStatusCallbackMethod"
    | "RecordingStatusCallbackEvent"
    | "ConferenceRecordingStatusCallback"
    | "ConferenceRecordingStatusCallbackMethod"
    | "ConferenceRecordingStatusCallbackEvent"
  >
>;

/** A stream's callback settings: CreateStream's `StatusCallback` and `StatusCallbackMethod` as sent (Twilio's default method: `POST`). */
export type StreamCallbacks = Readonly<Pick<CreateStreamBody, "StatusCallback" | "StatusCallbackMethod">>;

/**
 * A call's status as Twilio's call status callbacks name it (`CallStatus`, TW-CALL in WEBHOOKS.md §3);
 * the fake uses all but `queued`, which no callback carries.
 */
export type CallStatus =
  | "initiated"
  | "ringing"
  | "in-progress"
  | "completed"
  | "busy"
  | "failed"
  | "no-answer"
  | "canceled";

/** Why a participant left, as the `participant-leave` callback's `ReasonParticipantLeft` spells it (underscores; TW-CONF). */
export type ReasonParticipantLeft =
  | "conference_ended_via_api"
  | "moderator_ended_conference"
  | "participant_updated_via_api"
  | "participant_hung_up"
  | "participant_add_failed";

/** What every event carries. */
interface EventBase {
  /** Position in the fake's event order, from 0; events happen in this order */
  readonly seq: number;
  /** The fake's clock when it happened */
  readonly time: Date;
  /** The account it happened in */
  readonly accountSid: string;
}

/**
 * A participant's call moved on: the participant resource's new `status`, and the call progress
 * event it is (`callEvent`, a `StatusCallbackEvent` value) with the call's `CallStatus`:
 * `connecting` = `initiated`/`initiated`, `ringing` = `ringing`/`ringing`, `connected` =
 * `answered`/`in-progress`, `complete` = `completed`/`completed` (or `canceled` before it was
 * answered), `failed` = `completed`/`failed`, `busy` or `no-answer`. Feeds the participant's
 * `StatusCallback`.
 */
export interface ParticipantStatusEvent extends EventBase {
  readonly type: "participant-status";
  readonly conferenceSid: string;
  readonly callSid: string;
  /** The participant's resource status after the change */
  readonly status: ParticipantStatus;
  readonly callEvent: "initiated" | "ringing" | "answered" | "completed";
  readonly callStatus: CallStatus;
  /** The participant as it is after the change (for a participant who left: as it was when it left) */
  readonly participant: Readonly<Participant>;
  /** CreateParticipant's `From` and `To`; null for a participant put in the store directly (seeded, provider states) */
  readonly from: string | null;
  readonly to: string | null;
  readonly callbacks: ParticipantCallbacks;
}

/** Conference events that concern one participant, named as Twilio's `StatusCallbackEvent` names them (TW-CONF). */
export type ParticipantConferenceEventType =
  | "participant-join"
  | "participant-mute"
  | "participant-unmute"
  | "participant-hold"
  | "participant-unhold"
  | "participant-modify";

/**
 * A participant joined (its call was answered), was muted or unmuted, held or unheld, or modified
 * (`EndConferenceOnExit`, `Coaching` or `CallSidToCoach` changed: Twilio's `participant-modify`,
 * which also covers coaching). Feeds the conference's `ConferenceStatusCallback`.
 */
export interface ParticipantConferenceEvent extends EventBase {
  readonly type: ParticipantConferenceEventType;
  readonly conference: Readonly<Conference>;
  /** The participant after the change */
  readonly participant: Readonly<Participant>;
  readonly callbacks: ConferenceCallbacks;
}

/**
 * A participant left the conference: kicked (DeleteParticipant), hung up, its call failed, or the
 * conference ended. Every participant the fake created leaves exactly once.
 */
export interface ParticipantLeaveEvent extends EventBase {
  readonly type: "participant-leave";
  readonly conference: Readonly<Conference>;
  /** The participant as it was when it left */
  readonly participant: Readonly<Participant>;
  /** `ParticipantCallStatus`: `completed`, `canceled` (left before being answered), `failed`, `busy` or `no-answer` */
  readonly participantCallStatus: CallStatus;
  /** `ReasonParticipantLeft` (the fake's choice of value per cause: see the README's lifecycle section) */
  readonly reasonParticipantLeft: ReasonParticipantLeft;
  readonly callbacks: ConferenceCallbacks;
}

/** The conference started (`init` → `in-progress`): a participant with `start_conference_on_enter` joined. */
export interface ConferenceStartEvent extends EventBase {
  readonly type: "conference-start";
  readonly conference: Readonly<Conference>;
  readonly callbacks: ConferenceCallbacks;
}

/** The conference ended (`completed`), after every remaining participant's `participant-leave`. */
export interface ConferenceEndEvent extends EventBase {
  readonly type: "conference-end";
  readonly conference: Readonly<Conference>;
  readonly reasonConferenceEnded: ReasonConferenceEnded;
  /** The call that ended it; null when ended through the API */
  readonly callSidEndingConference: string | null;
  /** That participant's label, if it had one */
  readonly participantLabelEndingConference: string | null;
  readonly callbacks: ConferenceCallbacks;
}

/** A media stream started (CreateStream) or stopped (UpdateStream, or its call ended): Twilio's `StreamEvent` values. */
export interface StreamStatusEvent extends EventBase {
  readonly type: "stream-started" | "stream-stopped";
  readonly stream: Readonly<Stream>;
  readonly callbacks: StreamCallbacks;
}

/** A recording the fake made (its RE SID drawn from the store's seed sequence): the shape the callback producer takes. */
export type FakeRecording = RecordingInput;

/**
 * A recording started (`in-progress`: the recorded call was answered, or the recorded conference
 * started) or ended (`completed`: the call ended, or the conference did). Feeds the recording status
 * callback of its {@link RecordingCallbacks}.
 */
export interface RecordingStatusEvent extends EventBase {
  readonly type: "recording-status";
  /** The recording's `RecordingStatus` */
  readonly status: "in-progress" | "completed";
  /** The recorded conference, or the conference of the recorded call */
  readonly conferenceSid: string;
  readonly recording: FakeRecording;
  readonly callbacks: RecordingCallbacks;
}

/**
 * Something that happened in the fake's world, in the order it happened: the basis of status
 * callbacks. Conference events (`conference-*`, `participant-*` but `participant-status`) carry
 * the conference's {@link ConferenceCallbacks}; `participant-status` the participant's
 * {@link ParticipantCallbacks}; stream events the stream's {@link StreamCallbacks}; `recording-status`
 * its recording's {@link RecordingCallbacks}.
 */
export type FakeTwilioEvent =
  | ParticipantStatusEvent
  | ParticipantConferenceEvent
  | ParticipantLeaveEvent
  | ConferenceStartEvent
  | ConferenceEndEvent
  | StreamStatusEvent
  | RecordingStatusEvent;

/** Each member of the event union without the keys `K`. */
type Without<K extends keyof EventBase, E = FakeTwilioEvent> = E extends FakeTwilioEvent ? Omit<E, K> : never;

/** What {@link FakeTwilioEvents.emit} takes: an event without its `seq`, which the log assigns. */
export type NewEvent = Without<"seq">;

/** A listener of {@link FakeTwilioEvents}. */
export type FakeTwilioEventListener = (event: FakeTwilioEvent) => void;

/** How many events the log keeps: the newest 10,000. */
const LOG_LIMIT = 10_000;

/**
 * The fake's events, in order: a log of the newest 10,000, and listeners called synchronously as
 * each happens (before the request or clock step that caused it returns). This is what status
 * callbacks are built on: a listener gets every event with the callback settings it was created with.
 *
 * @example
 * ```ts
 * const fake = await startFakeTwilio({ clock: "manual" });
 * const seen: string[] = [];
 * const stop = fake.events.subscribe((e) => seen.push(e.type));
 * fake.clock.runAll();
 * stop();
 * ```
 */
export class FakeTwilioEvents {
  readonly #log: FakeTwilioEvent[] = [];
  readonly #listeners = new Set<FakeTwilioEventListener>();
  #seq = 0;

  /**
   * Calls `listener` with every event from now on, in order. A listener that throws does not stop
   * the fake or other listeners: its error becomes a process warning.
   *
   * @returns a function that unsubscribes it
   */
  subscribe(listener: FakeTwilioEventListener): () => void {
    const own = (event: FakeTwilioEvent): void => listener(event);
    this.#listeners.add(own);
    return () => {
      this.#listeners.delete(own);
    };
  }

  /** The events so far (the newest 10,000), oldest first. */
  list(): readonly FakeTwilioEvent[] {
    return this.#log.slice(-LOG_LIMIT);
  }

  /** Empties the log (listeners stay). */
  clear(): void {
    this.#log.length = 0;
  }

  /**
   * Records an event and tells every listener (the fake's lifecycle calls it). The event object becomes the
   * recorded event: its `seq` is set on it, not on a copy (an event is built to be emitted, once).
   *
   * @returns the event with its `seq`
   */
  emit(event: NewEvent): FakeTwilioEvent {
    (event as { seq?: number }).seq = this.#seq++;
    const recorded = event as FakeTwilioEvent;
    this.#log.push(recorded);
    if (this.#log.length >= 2 * LOG_LIMIT) this.#log.splice(0, this.#log.length - LOG_LIMIT);
    for (const listener of this.#listeners) {
      try {
        listener(recorded);
      } catch (error) {
        process.emitWarning(`Failed to tell a listener of the fake Twilio's events: ${(error as Error).message}`);
      }
    }
    return recorded;
  }
}
