import { TestkitError } from "../../errors.js";
import type {
  CallProgressCallback,
  CallProgressStatus,
  ConferenceCallbackEvent,
  ConferenceStatusCallback,
  ParticipantCallStatus,
  ReasonConferenceEnded,
  ReasonParticipantLeft,
  RecordingStatusCallback,
  StreamStatusCallback,
} from "../../generated/schemas.js";
import { formatRfc2822 } from "../../rfc2822.js";
import { type SignedTwilioRequest, signedCallbackRequest } from "../../signature/request.js";
import { type CallbackKind, validateCallback } from "../../validate/callbacks.js";
import { type AnyCallbackFactory, CALLBACK_EVENT_FIELDS, CALLBACK_FACTORIES_BY_KIND } from "./_by-kind.js";
import { recordingUrl } from "./_recording-url.js";
import { wholeSecondsBetween } from "./_seconds.js";
import type { CallbackStream } from "./stream-status.js";
import type { CallbackConference, CallbackParticipant } from "./subjects.js";

/** A callback's HTTP method: Twilio's `…Method` parameters take `GET` or `POST`, default `POST` (OAI; WEBHOOKS.md §1). */
export type CallbackMethod = "GET" | "POST";

interface InputBase {
  /** When it happened: the callback's `Timestamp` */
  readonly time: Date;
}

/** A participant's call moved on (the fake's `participant-status` event): feeds its `StatusCallback`. */
export interface CallProgressInput extends InputBase {
  readonly type: "participant-status";
  readonly accountSid: string;
  readonly callSid: string;
  /** The call progress event: a `StatusCallbackEvent` value */
  readonly callEvent: "initiated" | "ringing" | "answered" | "completed";
  /** The call's `CallStatus` */
  readonly callStatus: CallProgressStatus;
  /** The call's `From` and `To` (CreateParticipant's); null draws them from the producer's seed */
  readonly from: string | null;
  readonly to: string | null;
  /** CreateParticipant's callback fields as sent, without defaults */
  readonly callbacks: {
    readonly StatusCallback?: string | undefined;
    readonly StatusCallbackMethod?: CallbackMethod | undefined;
    readonly StatusCallbackEvent?: readonly string[] | string | undefined;
  };
}

/** The conference callback settings as the first participant that set them sent them, without defaults. */
interface ConferenceSettings {
  readonly ConferenceStatusCallback?: string | undefined;
  readonly ConferenceStatusCallbackMethod?: CallbackMethod | undefined;
  readonly ConferenceStatusCallbackEvent?: readonly string[] | string | undefined;
}

/** A conference event (`conference-start`, `conference-end`, `participant-join` … `participant-leave`): feeds the conference's `ConferenceStatusCallback`. */
export interface ConferenceEventInput extends InputBase {
  readonly type: Extract<
    ConferenceCallbackEvent,
    | "conference-start"
    | "conference-end"
    | "participant-join"
    | "participant-leave"
    | "participant-mute"
    | "participant-unmute"
    | "participant-hold"
    | "participant-unhold"
    | "participant-modify"
  >;
  readonly conference: CallbackConference;
  /** The participant of a participant event, as it is after the change (as it was, when it left) */
  readonly participant?: CallbackParticipant;
  /** On `participant-leave` */
  readonly participantCallStatus?: ParticipantCallStatus | string;
  readonly reasonParticipantLeft?: ReasonParticipantLeft;
  /** On `conference-end` */
  readonly reasonConferenceEnded?: ReasonConferenceEnded;
  readonly callSidEndingConference?: string | null;
  readonly participantLabelEndingConference?: string | null;
  readonly callbacks: ConferenceSettings;
}

/** A media stream started or stopped: feeds the stream's `StatusCallback`. */
export interface StreamEventInput extends InputBase {
  readonly type: "stream-started" | "stream-stopped";
  readonly stream: CallbackStream;
  readonly callbacks: {
    readonly StatusCallback?: string | undefined;
    readonly StatusCallbackMethod?: CallbackMethod | undefined;
  };
}

/**
 * A recording: of a participant's call (CreateParticipant `Record=true`, Twilio's `RecordingSource` `OutboundAPI`) or of
 * a conference (`ConferenceRecord`, `RecordingSource` `Conference`). Source of its fields: TW-CALL and TW-CONF
 * (WEBHOOKS.md §4).
 */
export interface RecordingInput {
  /** Its RE SID */
  readonly sid: string;
  readonly source: "OutboundAPI" | "Conference";
  /** The recorded call (null for a conference recording) */
  readonly callSid: string | null;
  /** The recorded conference, or the conference of the recorded call (not sent for a call recording) */
  readonly conferenceSid: string;
  /** Audio channels: CreateParticipant's `RecordingChannels` `dual` gives 2, else 1; a conference recording has 1 */
  readonly channels: 1 | 2;
  /** A call recording's track: CreateParticipant's `RecordingTrack` (`inbound`, `outbound`, default `both`); null for a conference */
  readonly track: "inbound" | "outbound" | "both" | null;
  /** When it started: the call's answer, or the conference's start */
  readonly startTime: Date;
  /** Its length in whole seconds once `completed`; null while `in-progress` */
  readonly durationSeconds: number | null;
}

/**
 * A recording of a call (`RecordingSource` `OutboundAPI`: CreateParticipant `Record=true`) or of a
 * conference (`Conference`: `ConferenceRecord`) started (`in-progress`) or ended (`completed`): feeds
 * the call's `RecordingStatusCallback` or the conference's `ConferenceRecordingStatusCallback`.
 */
export interface RecordingStatusInput extends InputBase {
  readonly type: "recording-status";
  readonly accountSid: string;
  /** The `RecordingStatus` */
  readonly status: "in-progress" | "completed";
  readonly recording: RecordingInput;
  /** The call's `RecordingStatusCallback…` (call recordings) or the conference's `ConferenceRecordingStatusCallback…` fields, as sent, without defaults */
  readonly callbacks: {
    readonly RecordingStatusCallback?: string | undefined;
    readonly RecordingStatusCallbackMethod?: CallbackMethod | undefined;
    readonly RecordingStatusCallbackEvent?: readonly string[] | string | undefined;
    readonly ConferenceRecordingStatusCallback?: string | undefined;
    readonly ConferenceRecordingStatusCallbackMethod?: CallbackMethod | undefined;
    readonly ConferenceRecordingStatusCallbackEvent?: readonly string[] | string | undefined;
  };
}

/**
 * Something that happened to a call, conference, stream or recording, with the callback settings it
 * was created with: what {@link CallbackProducer.callbackFor} turns into a callback. The fake Twilio's
 * events (`FakeTwilioEvent`) are of this shape.
 */
export type CallbackEventInput = CallProgressInput | ConferenceEventInput | StreamEventInput | RecordingStatusInput;

/** Where a callback goes: its URL as configured, and its method. */
export interface CallbackTarget {
  readonly url: string;
  readonly method: CallbackMethod;
}

/** A callback to send: where, how, and its parameters (strict profile of its kind). */
export type ProducedCallback =
  | ProducedOf<"conference-status", ConferenceStatusCallback>
  | ProducedOf<"call-progress", CallProgressCallback>
  | ProducedOf<"recording-status", RecordingStatusCallback>
  | ProducedOf<"stream-status", StreamStatusCallback>;

interface ProducedOf<K extends CallbackKind, P> extends CallbackTarget {
  readonly kind: K;
  /**
   * The Twilio event it reports: the conference's `StatusCallbackEvent` (`participant-join` …), the
   * call progress event (`initiated`, `ringing`, `answered`, `completed`), the stream's `StreamEvent`,
   * the recording's `RecordingStatus` (`in-progress`, `completed`)
   */
  readonly event: string;
  readonly params: P;
}

/** The `User-Agent` the fake's callbacks carry, as Twilio's do (its proxy's name; not in WEBHOOKS.md, which gives no headers beside the signature). */
const TWILIO_USER_AGENT = "TwilioProxy/1.1";

/** The call progress event (`StatusCallbackEvent` value) that reports each `CallStatus` (TW-CALL; WEBHOOKS.md §3): the terminal ones are `completed`. */
const CALL_EVENT_OF_STATUS: Readonly<Record<string, CallProgressInput["callEvent"]>> = {
  queued: "initiated",
  initiated: "initiated",
  ringing: "ringing",
  "in-progress": "answered",
};

/** Twilio's default `StatusCallbackEvent` of a participant's call: `completed` (OAI CreateParticipant; WEBHOOKS.md §3). */
const DEFAULT_CALL_EVENTS = ["completed"] as const;
/** Twilio's default `ConferenceStatusCallbackEvent`: `start end` (OAI CreateParticipant; WEBHOOKS.md §2.1, §2.6 #3). */
const DEFAULT_CONFERENCE_EVENTS = ["start", "end"] as const;

/**
 * Twilio's default `RecordingStatusCallbackEvent` and `ConferenceRecordingStatusCallbackEvent`:
 * `completed`. WEBHOOKS.md §4 names none; the OAI CreateCall description of `RecordingStatusCallbackEvent`
 * says "Defaults to `completed`" (twilio-node 6.2.0's `CallListInstanceCreateOptions`), and
 * CreateParticipant's states no other.
 */
const DEFAULT_RECORDING_EVENTS = ["completed"] as const;

/** The subscription (`ConferenceStatusCallbackEvent` value) each conference event needs (TW-CONF; WEBHOOKS.md §2.2). */
const SUBSCRIPTION_OF: Readonly<Record<ConferenceEventInput["type"], string>> = {
  "conference-start": "start",
  "conference-end": "end",
  "participant-join": "join",
  "participant-leave": "leave",
  "participant-mute": "mute",
  "participant-unmute": "mute",
  "participant-hold": "hold",
  "participant-unhold": "hold",
  "participant-modify": "modify",
};

/** What a call progress callback of the producer carries, in Twilio's order (TW-CALL's list; WEBHOOKS.md §3). */
const CALL_PROGRESS_KEYS = [
  "CallSid",
  "AccountSid",
  "From",
  "To",
  "CallStatus",
  "ApiVersion",
  "Direction",
  "Caller",
  "Called",
  "Timestamp",
  "CallbackSource",
  "SequenceNumber",
  "CallDuration",
  "Duration",
  "RecordingUrl",
  "RecordingSid",
  "RecordingDuration",
] as const;

/** What a call's callbacks share (see `CallbackProducer`'s `#callLine`). */
const CALL_LINE_KEYS = [
  "CallSid",
  "AccountSid",
  "From",
  "To",
  "ApiVersion",
  "Direction",
  "Caller",
  "Called",
  "CallbackSource",
] as const;

const PARTICIPANT_KEYS = [
  "CallSid",
  "Muted",
  "Hold",
  "Coaching",
  "EndConferenceOnExit",
  "StartConferenceOnEnter",
] as const;

/**
 * The subscribed events: a form's repeated values (`["start", "end"]`), or one value holding several
 * separated by spaces or commas, as TwiML's `statusCallbackEvent="start end"` writes them; Twilio's default when absent or empty.
 */
function subscribed(value: readonly string[] | string | undefined, defaults: readonly string[]): Set<string> {
  const words = (typeof value === "string" ? [value] : (value ?? [])).flatMap((v) => v.split(/[\s,]+/));
  const events = words.map((w) => w.trim().toLowerCase()).filter((w) => w !== "");
  return new Set(events.length > 0 ? events : defaults);
}

/** The picked keys of a built callback, in the order given: what the producer knows, without the factory's drawn extras. */
function pick<T extends object>(built: T, keys: Iterable<string>): T {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const value = (built as Record<string, unknown>)[key];
    if (value !== undefined) out[key] = value;
  }
  return out as T;
}

/** Checks a produced callback against its strict schema: a failure is a bug of the producer, never the caller's. */
function strictOrThrow<T>(kind: CallbackKind, params: T): T {
  const result = validateCallback(kind, params as Record<string, string>, { profile: "strict" });
  if (!result.ok)
    throw new TestkitError(
      "INVALID_BODY",
      `Failed to produce a ${kind} callback: ${result.issues.map((i) => `${i.path} ${i.message}`).join("; ")}`,
    );
  return params;
}

const text = (value: boolean | null | undefined): "true" | "false" => (value === true ? "true" : "false");

/**
 * The recording fields of a recorded call's `completed` callback (TW-CALL: `RecordingUrl`,
 * `RecordingSid`, `RecordingDuration`, "only with `Record=true`"; WEBHOOKS.md §3): those of its
 * recording's callbacks, its duration as the recording's `completed` gives it, else its whole
 * seconds up to the call's end.
 */
function recordingFieldsOf(
  accountSid: string,
  recording: RecordingInput,
  end: Date,
): Pick<CallProgressCallback, "RecordingUrl" | "RecordingSid" | "RecordingDuration"> {
  const seconds = recording.durationSeconds ?? wholeSecondsBetween(recording.startTime.getTime(), end.getTime());
  return {
    RecordingUrl: recordingUrl(accountSid, recording.sid),
    RecordingSid: recording.sid,
    RecordingDuration: String(seconds),
  };
}

/** The event a callback's parameters report: its event parameter, a call's `CallStatus` read as the call progress event. */
function eventOfParams(kind: CallbackKind, params: Readonly<Record<string, string>>): string {
  const value = params[CALLBACK_EVENT_FIELDS[kind]] ?? "";
  return kind === "call-progress" ? (CALL_EVENT_OF_STATUS[value] ?? "completed") : value;
}

interface CallState {
  sequence: number;
  answeredAt: number | undefined;
  /** The parameters that stay the same from one of the call's callbacks to the next (From, To, ApiVersion …), built at its first */
  line: Readonly<Record<string, string>> | undefined;
  /** The call's recording (CreateParticipant `Record=true`), as its last `recording-status` event gave it */
  recording: RecordingInput | undefined;
}

/**
 * Turns the events of a Twilio world (a call's progress, a conference's events, a stream's start and
 * stop, a recording's start and end) into the status callbacks Twilio sends for them, made of what the event says (what a call's
 * callbacks share built once per call by the call progress factory) and checked against the strict
 * callback schemas, and signs the request that carries each; one producer
 * per world, since it counts `SequenceNumber`s. The fake Twilio sends what {@link callbackFor} makes
 * of its events; `contracts verify` answers a callback contract's messages with what
 * {@link callbackOf} makes of their examples; both sign with {@link requestFor}. The one way from
 * parameters to a request is {@link callbackOf}'s: `callbackFor` derives the parameters of an event, then
 * checks and targets them as `callbackOf` does.
 *
 * What it sends (WEBHOOKS.md §2–5, §10):
 * - **conference-status** to the conference's `ConferenceStatusCallback` (the first participant's),
 *   only for subscribed events (`ConferenceStatusCallbackEvent`, default `start end`; `mute` covers
 *   mute and unmute, `hold` hold and unhold); `SequenceNumber` counts the conference's callbacks from
 *   1 (the kit's choice: TW-CONF's example is 1, the start is unconfirmed, §2.5); `Timestamp` RFC 2822.
 * - **call-progress** to the participant's `StatusCallback`, only for subscribed events
 *   (`StatusCallbackEvent`, default `completed`); `SequenceNumber` counts the call's callbacks from 0
 *   (TW-CALL); `CallDuration` (seconds since answered) on terminal events and `Duration` (minutes,
 *   rounded up) on `completed`; on the `completed` of a recorded call (CreateParticipant `Record=true`),
 *   `RecordingUrl`, `RecordingSid` and `RecordingDuration` of the recording its `recording-status`
 *   events gave (TW-CALL); `Direction` `outbound-api`.
 * - **stream-status** to the stream's `StatusCallback` on `stream-started` and `stream-stopped`;
 *   `Timestamp` ISO 8601 with milliseconds; no `SequenceNumber` (none documented).
 * - **recording-status** to a call's `RecordingStatusCallback` or a conference's
 *   `ConferenceRecordingStatusCallback`, only for subscribed statuses (`…RecordingStatusCallbackEvent`,
 *   default `completed`): the strict profile's parameters (WEBHOOKS.md §4: `RecordingSource`
 *   `OutboundAPI` with `CallSid`, channels and `RecordingTrack`, or `Conference` with `ConferenceSid`
 *   and one channel; `RecordingStartTime` RFC 2822, as the strict schema decided; `RecordingDuration`
 *   on `completed`); no `SequenceNumber` (none documented).
 *
 * Methods default to `POST`. Only what the events say is sent: no geographic fields, `StirStatus` nor
 * `SipResponseCode`.
 *
 * A producer keeps the `SequenceNumber` counters and drawn values of the world it has seen: a world that starts over
 * takes a new producer (the same seed gives the same callbacks again), as the fake does on `store.reset()`.
 *
 * @example
 * ```ts
 * const producer = new CallbackProducer();
 * const callback = producer.callbackFor(event); // undefined when nobody subscribed
 * if (callback) send(producer.requestFor(callback, authToken));
 * ```
 */
export class CallbackProducer {
  readonly #conferences = new Map<string, number>();
  readonly #calls = new Map<string, CallState>();
  /** The events each callback settings object subscribes to, read at its first event (settings are kept per call and conference) */
  readonly #callSubscriptions = new WeakMap<object, ReadonlySet<string>>();
  readonly #conferenceSubscriptions = new WeakMap<object, ReadonlySet<string>>();
  readonly #callProgress: AnyCallbackFactory;
  #callConstants: Readonly<Record<string, string>> | undefined;

  /** @param seed - seed of the values an event does not give (a call's `From`/`To` when unknown); default 1 */
  constructor(seed = 1) {
    this.#callProgress = CALLBACK_FACTORIES_BY_KIND["call-progress"].seed(seed);
  }

  /**
   * The callback Twilio sends for `event`, or undefined when no URL is set or the event is not subscribed.
   * Call it once per event, in the events' order: it advances the `SequenceNumber` counters.
   *
   * @throws TestkitError `INVALID_BODY` when the event's values make a callback the strict schema refuses (e.g. a SID of the wrong shape)
   */
  callbackFor(event: CallbackEventInput): ProducedCallback | undefined {
    if (event.type === "participant-status") return this.#callProgressFor(event);
    if (event.type === "recording-status") return this.#recordingStatusFor(event);
    if ("stream" in event) return this.#streamStatusFor(event);
    return this.#conferenceStatusFor(event);
  }

  /**
   * The callback of `kind` with exactly these parameters (a callback contract's example), sent to
   * `target`: checked against the strict schema, as {@link callbackFor} checks the parameters it
   * derives from an event. Its `event` is the
   * parameters' event (a call's `CallStatus` read as the call progress event: `in-progress` is
   * `answered`, a terminal status `completed`). It advances no `SequenceNumber` counter: the
   * parameters carry their own.
   *
   * @throws TestkitError `INVALID_BODY` when the parameters break the strict schema
   */
  callbackOf(kind: CallbackKind, params: Readonly<Record<string, string>>, target: CallbackTarget): ProducedCallback {
    return this.#produce(kind, eventOfParams(kind, params), params, Object.keys(params), target);
  }

  /**
   * The request Twilio sends for `callback`: its parameters form-encoded in the body of a POST or in
   * the query of a GET, signed with `authToken` (`X-Twilio-Signature`, see `signedCallbackRequest`),
   * and Twilio's `User-Agent` (`TwilioProxy/1.1`).
   *
   * @throws TestkitError `USAGE` for an empty token or a URL that is not absolute http(s)
   */
  requestFor(callback: ProducedCallback, authToken: string): SignedTwilioRequest {
    const { url, method } = callback;
    const params = callback.params as unknown as Readonly<Record<string, string>>;
    const signed = signedCallbackRequest({ authToken, url, method, params });
    return { ...signed, headers: { ...signed.headers, "user-agent": TWILIO_USER_AGENT } };
  }

  /** Keeps `keys` of `fields` (in that order) and checks them against the strict schema. */
  #produce(
    kind: CallbackKind,
    event: string,
    fields: Readonly<Record<string, string>>,
    keys: Iterable<string>,
    target: CallbackTarget,
  ): ProducedCallback {
    const params = strictOrThrow(kind, pick(fields, keys));
    // The strict check holds the parameters to the kind's schema, of which the generated interface is the type
    return { kind, event, url: target.url, method: target.method, params } as unknown as ProducedCallback;
  }

  #callProgressFor(event: CallProgressInput): ProducedCallback | undefined {
    const { callbacks, callEvent } = event;
    const url = callbacks.StatusCallback;
    // A call's settings are those it was created with: without a URL it has no callbacks, so nothing to count.
    if (!url) return undefined;
    const callKey = `${event.accountSid}/${event.callSid}`;
    const call = this.#calls.get(callKey) ?? {
      sequence: 0,
      answeredAt: undefined,
      line: undefined,
      recording: undefined,
    };
    this.#calls.set(callKey, call);
    if (callEvent === "answered") call.answeredAt = event.time.getTime();
    if (callEvent === "completed") this.#calls.delete(callKey);
    let events = this.#callSubscriptions.get(callbacks);
    if (events === undefined) {
      events = subscribed(callbacks.StatusCallbackEvent, DEFAULT_CALL_EVENTS);
      this.#callSubscriptions.set(callbacks, events);
    }
    if (!events.has(callEvent)) return undefined;
    call.line ??= this.#callLine(event);
    const fields: Partial<CallProgressCallback> = {
      ...call.line,
      CallStatus: event.callStatus,
      Timestamp: formatRfc2822(event.time),
      SequenceNumber: String(call.sequence++),
    };
    if (callEvent === "completed") {
      const seconds = call.answeredAt === undefined ? 0 : wholeSecondsBetween(call.answeredAt, event.time.getTime());
      fields.CallDuration = String(seconds);
      if (event.callStatus === "completed") {
        fields.Duration = String(Math.ceil(seconds / 60));
        if (call.recording) Object.assign(fields, recordingFieldsOf(event.accountSid, call.recording, event.time));
      }
    }
    return this.#produce("call-progress", callEvent, fields as Record<string, string>, CALL_PROGRESS_KEYS, {
      url,
      method: callbacks.StatusCallbackMethod ?? "POST",
    });
  }

  /**
   * What a call's callbacks share: its SIDs, `From`/`Caller` and `To`/`Called` (drawn by the call
   * progress factory when the event does not know them, the same for all its callbacks), and the
   * factory's `ApiVersion`, `Direction` and `CallbackSource` (one build serves every call whose
   * numbers are known).
   */
  #callLine(event: CallProgressInput): Readonly<Record<string, string>> {
    const { from, to } = event;
    const built =
      from === null || to === null ? this.#callProgress.build() : (this.#callConstants ??= this.#callProgress.build());
    return pick(
      {
        ...built,
        CallSid: event.callSid,
        AccountSid: event.accountSid,
        ...(from === null ? {} : { From: from, Caller: from }),
        ...(to === null ? {} : { To: to, Called: to }),
      },
      CALL_LINE_KEYS,
    );
  }

  #conferenceStatusFor(event: ConferenceEventInput): ProducedCallback | undefined {
    const { callbacks, conference, participant: p } = event;
    const url = callbacks.ConferenceStatusCallback;
    if (!url) return undefined; // a conference's settings are set once: without a URL it has no counter either
    const conferenceKey = `${conference.account_sid}/${conference.sid}`;
    let events = this.#conferenceSubscriptions.get(callbacks);
    if (events === undefined) {
      events = subscribed(callbacks.ConferenceStatusCallbackEvent, DEFAULT_CONFERENCE_EVENTS);
      this.#conferenceSubscriptions.set(callbacks, events);
    }
    if (!events.has(SUBSCRIPTION_OF[event.type])) {
      if (event.type === "conference-end") this.#conferences.delete(conferenceKey);
      return undefined;
    }
    const sequence = (this.#conferences.get(conferenceKey) ?? 0) + 1;
    if (event.type === "conference-end") this.#conferences.delete(conferenceKey);
    else this.#conferences.set(conferenceKey, sequence);
    const fields: Partial<ConferenceStatusCallback> = {
      ConferenceSid: conference.sid,
      FriendlyName: conference.friendly_name ?? conference.sid,
      AccountSid: conference.account_sid,
      SequenceNumber: String(sequence),
      Timestamp: formatRfc2822(event.time),
      StatusCallbackEvent: event.type,
    };
    if (event.type.startsWith("participant-")) {
      if (!p)
        throw new TestkitError(
          "USAGE",
          `Failed to produce a conference-status callback: ${event.type} has no participant`,
        );
      Object.assign(fields, {
        CallSid: p.call_sid,
        Muted: text(p.muted),
        Hold: text(p.hold),
        Coaching: text(p.coaching),
        EndConferenceOnExit: text(p.end_conference_on_exit),
        StartConferenceOnEnter: text(p.start_conference_on_enter),
        ...(typeof p.label === "string" ? { ParticipantLabel: p.label } : {}),
      });
    }
    if (event.type === "participant-leave")
      Object.assign(fields, {
        ParticipantCallStatus: event.participantCallStatus,
        ReasonParticipantLeft: event.reasonParticipantLeft,
      });
    if (event.type === "conference-end")
      Object.assign(fields, {
        ReasonConferenceEnded: event.reasonConferenceEnded ?? conference.reason_conference_ended,
        ...(event.callSidEndingConference ? { CallSidEndingConference: event.callSidEndingConference } : {}),
        ...(event.participantLabelEndingConference
          ? { ParticipantLabelEndingConference: event.participantLabelEndingConference }
          : {}),
      });
    const keys = [
      "ConferenceSid",
      "FriendlyName",
      "AccountSid",
      "SequenceNumber",
      "Timestamp",
      "StatusCallbackEvent",
      ...PARTICIPANT_KEYS,
      "ParticipantLabel",
      "ParticipantCallStatus",
      "ReasonParticipantLeft",
      "ReasonConferenceEnded",
      "CallSidEndingConference",
      "ParticipantLabelEndingConference",
    ].filter((key) => key in fields);
    return this.#produce("conference-status", event.type, fields as Record<string, string>, keys, {
      url,
      method: callbacks.ConferenceStatusCallbackMethod ?? "POST",
    });
  }

  #streamStatusFor(event: StreamEventInput): ProducedCallback | undefined {
    const { callbacks, stream } = event;
    const url = callbacks.StatusCallback;
    if (!url) return undefined;
    const fields: StreamStatusCallback = {
      AccountSid: stream.account_sid,
      CallSid: stream.call_sid,
      StreamSid: stream.sid,
      StreamName: stream.name ?? stream.sid,
      StreamEvent: event.type,
      Timestamp: event.time.toISOString(),
    };
    return this.#produce(
      "stream-status",
      event.type,
      fields as unknown as Record<string, string>,
      Object.keys(fields),
      {
        url,
        method: callbacks.StatusCallbackMethod ?? "POST",
      },
    );
  }

  #recordingStatusFor(event: RecordingStatusInput): ProducedCallback | undefined {
    const { callbacks: c, recording: r } = event;
    const call = r.source === "OutboundAPI";
    // The call's completed callback names its recording: kept while the call has callbacks to send.
    const recorded = call && r.callSid !== null ? this.#calls.get(`${event.accountSid}/${r.callSid}`) : undefined;
    if (recorded) recorded.recording = r;
    const url = call ? c.RecordingStatusCallback : c.ConferenceRecordingStatusCallback;
    const events = call ? c.RecordingStatusCallbackEvent : c.ConferenceRecordingStatusCallbackEvent;
    if (!url || !subscribed(events, DEFAULT_RECORDING_EVENTS).has(event.status)) return undefined;
    const fields: Partial<RecordingStatusCallback> = {
      AccountSid: event.accountSid,
      ...(call ? { CallSid: r.callSid ?? "" } : { ConferenceSid: r.conferenceSid }),
      RecordingSid: r.sid,
      RecordingUrl: recordingUrl(event.accountSid, r.sid),
      RecordingStatus: event.status,
      ...(event.status === "completed" ? { RecordingDuration: String(r.durationSeconds ?? 0) } : {}),
      RecordingChannels: r.channels === 2 ? "2" : "1",
      RecordingStartTime: formatRfc2822(r.startTime),
      RecordingSource: r.source,
      ...(call && r.track !== null ? { RecordingTrack: r.track } : {}),
    };
    const method = (call ? c.RecordingStatusCallbackMethod : c.ConferenceRecordingStatusCallbackMethod) ?? "POST";
    return this.#produce("recording-status", event.status, fields as Record<string, string>, Object.keys(fields), {
      url,
      method,
    });
  }
}
