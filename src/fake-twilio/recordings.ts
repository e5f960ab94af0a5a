// Recordings in the fake's lifecycle, as Twilio makes them (WEBHOOKS.md §4): a participant's call
// created with `Record=true` is recorded from its answer to its end, a conference whose
// `ConferenceRecord` is `record-from-start` from its start to its end; each goes `in-progress`, then
// `completed`, as a `recording-status` event, which the CallbackProducer turns into the recording
// status callback. Where sources disagree on the statuses (OAI's eight recording events against
// TW-CALL's and TW-CONF's `in-progress`, `completed`, `absent`), this follows the recording-status
// callback schema's decision (schemas/callbacks/recording-status.json: every one of the eight is
// valid, fixtures send the documented ones): the fake's recordings go through the documented
// `in-progress` and `completed` only, never `absent` (they always hold audio) nor `failed`.
// `RecordingStartTime` is RFC 2822, as the strict schema decided (its format is unconfirmed).
// The lifecycle (lifecycle.ts) calls these functions where a participant is created, its call is
// answered or ends, and its conference starts or ends.
import { wholeSecondsBetween } from "../factories/callbacks/_seconds.js";
import { recordingStatusFactory } from "../factories/callbacks/recording-status.js";
import type { Conference, CreateParticipantBody, Participant } from "../generated/schemas.js";
import type { FakeRecording, NewEvent, RecordingCallbacks } from "./events.js";
import { stateOf } from "./_lifecycle-state.js";
import type { FakeTwilioStore } from "./store.js";

/** A participant's call to record once answered (CreateParticipant `Record=true`), and its recording once it runs. */
interface CallToRecord {
  readonly channels: 1 | 2;
  readonly track: "inbound" | "outbound" | "both";
  readonly callbacks: RecordingCallbacks;
  running: FakeRecording | undefined;
}

/** A conference's recording setting (the first `ConferenceRecord` sent for it), and its recording once it runs. */
interface ConferenceToRecord {
  readonly record: boolean;
  readonly callbacks: RecordingCallbacks;
  running: FakeRecording | undefined;
}

interface RecordingState {
  /** By `accountSid/callSid`: only calls created with `Record=true` */
  readonly calls: Map<string, CallToRecord>;
  /** By `accountSid/conferenceSid`: only conferences a participant sent `ConferenceRecord` for */
  readonly conferences: Map<string, ConferenceToRecord>;
}

/**
 * Recording state by lifecycle state: `store.reset()` drops a store's lifecycle state
 * (`forgetLifecycle`), and with it what its recordings were.
 */
const states = new WeakMap<object, RecordingState>();

/** The store's recording state, made empty on first use. */
function recordingsOf(store: FakeTwilioStore): RecordingState {
  const lifecycle = stateOf(store);
  let state = states.get(lifecycle);
  if (!state) {
    state = { calls: new Map(), conferences: new Map() };
    states.set(lifecycle, state);
  }
  return state;
}

/**
 * The store's recording state when it has some of `kind`: a store where nobody asked to record pays a
 * lookup per lifecycle step, and builds no key.
 */
function recordingsIfAny(store: FakeTwilioStore, kind: keyof RecordingState): RecordingState | undefined {
  const state = states.get(stateOf(store));
  return state && state[kind].size > 0 ? state : undefined;
}

const key = (accountSid: string, sid: string): string => `${accountSid}/${sid}`;

/** Picks the defined fields of a form. */
function defined<K extends keyof CreateParticipantBody>(
  form: Readonly<CreateParticipantBody>,
  names: readonly K[],
): Pick<CreateParticipantBody, K> {
  return Object.fromEntries(names.filter((n) => form[n] !== undefined).map((n) => [n, form[n]])) as Pick<
    CreateParticipantBody,
    K
  >;
}

/** `ConferenceRecord` values that record: `record-from-start`, and `true` (the kit's reading: Twilio documents no difference). */
const RECORDING = new Set(["record-from-start", "true"]);

/** `RecordingTrack` as CreateParticipant sent it, Twilio's default `both` otherwise (twilio-node 6.2.0's CreateParticipant options). */
const trackOf = (value: string | undefined): CallToRecord["track"] =>
  value === "inbound" || value === "outbound" ? value : "both";

/**
 * Keeps what a new participant asks to record: its call, with `Record=true` (`RecordingChannels`
 * `dual` gives 2 channels, anything else Twilio's default `mono`; `RecordingTrack`), and its
 * conference's recording when it is the first to send `ConferenceRecord` for a conference that has
 * not started (Twilio sets a conference's options when it starts it; OAI: "Whether to record the
 * conference the participant is joining"), with its `ConferenceRecordingStatusCallback…` fields.
 */
export function keepRecordingSettings(
  store: FakeTwilioStore,
  participant: Readonly<Participant>,
  form: Readonly<CreateParticipantBody>,
): void {
  if (form.Record !== true && form.ConferenceRecord === undefined) return;
  const state = recordingsOf(store);
  if (form.Record === true)
    state.calls.set(key(participant.account_sid, participant.call_sid), {
      channels: form.RecordingChannels === "dual" ? 2 : 1,
      track: trackOf(form.RecordingTrack),
      callbacks: defined(form, [
        "RecordingStatusCallback",
        "RecordingStatusCallbackMethod",
        "RecordingStatusCallbackEvent",
      ]),
      running: undefined,
    });
  const conferenceKey = key(participant.account_sid, participant.conference_sid);
  if (
    form.ConferenceRecord === undefined ||
    state.conferences.has(conferenceKey) ||
    store.conference(participant.account_sid, participant.conference_sid)?.status !== "init"
  )
    return;
  state.conferences.set(conferenceKey, {
    record: RECORDING.has(form.ConferenceRecord.toLowerCase()),
    callbacks: defined(form, [
      "ConferenceRecordingStatusCallback",
      "ConferenceRecordingStatusCallbackMethod",
      "ConferenceRecordingStatusCallbackEvent",
    ]),
    running: undefined,
  });
}

/** Emits a recording's `recording-status` event at the clock's time. */
function emit(
  store: FakeTwilioStore,
  accountSid: string,
  status: "in-progress" | "completed",
  recording: FakeRecording,
  callbacks: RecordingCallbacks,
  time = store.now(),
): void {
  const event: NewEvent = {
    type: "recording-status",
    time,
    accountSid,
    status,
    conferenceSid: recording.conferenceSid,
    recording,
    callbacks,
  };
  store.events.emit(event);
}

/** A new recording from now, its SID drawn from the store's seed sequence. */
function newRecording(
  store: FakeTwilioStore,
  fields: Pick<FakeRecording, "source" | "callSid" | "conferenceSid" | "channels" | "track">,
): FakeRecording {
  const sid = recordingStatusFactory.seed(store.nextSeed()).build().RecordingSid;
  return { ...fields, sid, startTime: store.now(), durationSeconds: null };
}

/** The running recording ended `at`: its length in whole seconds. */
function ended(recording: FakeRecording, at: Date): FakeRecording {
  const seconds = wholeSecondsBetween(recording.startTime.getTime(), at.getTime());
  return { ...recording, durationSeconds: seconds };
}

/** A participant's call was answered: a call created with `Record=true` is recorded from now (`in-progress`). */
export function startCallRecording(store: FakeTwilioStore, participant: Readonly<Participant>): void {
  const call = recordingsIfAny(store, "calls")?.calls.get(key(participant.account_sid, participant.call_sid));
  if (!call || call.running) return;
  call.running = newRecording(store, {
    source: "OutboundAPI",
    callSid: participant.call_sid,
    conferenceSid: participant.conference_sid,
    channels: call.channels,
    track: call.track,
  });
  emit(store, participant.account_sid, "in-progress", call.running, call.callbacks);
}

/** A participant's call ended (or never connected) `at` (default: now): its recording, if one runs, is `completed` then. */
export function stopCallRecording(
  store: FakeTwilioStore,
  participant: Readonly<Participant>,
  at: Date = store.now(),
): void {
  const calls = recordingsIfAny(store, "calls")?.calls;
  if (!calls) return;
  const callKey = key(participant.account_sid, participant.call_sid);
  const call = calls.get(callKey);
  calls.delete(callKey);
  if (call?.running) emit(store, participant.account_sid, "completed", ended(call.running, at), call.callbacks, at);
}

/** A conference started: one set to record (`ConferenceRecord` `record-from-start` or `true`) is recorded from now (`in-progress`). */
export function startConferenceRecording(store: FakeTwilioStore, conference: Readonly<Conference>): void {
  const setting = recordingsIfAny(store, "conferences")?.conferences.get(key(conference.account_sid, conference.sid));
  if (!setting?.record || setting.running) return;
  setting.running = newRecording(store, {
    source: "Conference",
    callSid: null,
    conferenceSid: conference.sid,
    channels: 1,
    track: null,
  });
  emit(store, conference.account_sid, "in-progress", setting.running, setting.callbacks);
}

/** A conference ended: its recording, if one runs, is `completed`. */
export function stopConferenceRecording(store: FakeTwilioStore, conference: Readonly<Conference>): void {
  const conferences = recordingsIfAny(store, "conferences")?.conferences;
  if (!conferences) return;
  const conferenceKey = key(conference.account_sid, conference.sid);
  const setting = conferences.get(conferenceKey);
  conferences.delete(conferenceKey);
  if (setting?.running)
    emit(store, conference.account_sid, "completed", ended(setting.running, store.now()), setting.callbacks);
}
