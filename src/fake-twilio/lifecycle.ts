import type {
  Conference,
  CreateParticipantBody,
  CreateStreamBody,
  Participant,
  ParticipantStatus,
  ReasonConferenceEnded,
  Stream,
} from "../generated/schemas.js";
import { touched } from "./dates.js";
import type {
  CallStatus,
  ConferenceCallbacks,
  ParticipantStatusEvent,
  ReasonParticipantLeft,
  StreamCallbacks,
} from "./events.js";
import { type CallFailure, LIFECYCLE_DELAYS_MS, TEST_NUMBERS } from "./lifecycle-rules.js";
import { type CallRecord, stateOf } from "./_lifecycle-state.js";
import type { Slot } from "./_ordered-list.js";
import {
  keepRecordingSettings,
  startCallRecording,
  startConferenceRecording,
  stopCallRecording,
  stopConferenceRecording,
} from "./recordings.js";
import type { FakeTwilioStore } from "./store.js";

const conferenceCallbacks = (store: FakeTwilioStore, conference: Readonly<Conference>): ConferenceCallbacks =>
  stateOf(store).conferences.get(conference.account_sid, conference.sid) ?? {};

/** No callback settings: shared by every call, conference and stream created without any. */
const NONE: Readonly<Record<string, never>> = Object.freeze({});

/** Picks the defined fields of a form ({@link NONE} when there are none). */
function fields<K extends string>(
  form: Readonly<Record<string, unknown>>,
  names: readonly K[],
): Partial<Record<K, never>> {
  let picked: Record<string, unknown> | undefined;
  for (const name of names) if (form[name] !== undefined) (picked ??= {})[name] = form[name];
  return (picked ?? NONE) as Partial<Record<K, never>>;
}

/**
 * Sets a participant's status (and `date_updated`; in the store too while it holds the participant) and emits its
 * `participant-status` event with what `record` knows of its call (its lifecycle record, when the caller has it at
 * hand; else looked up).
 */
function setStatus(
  store: FakeTwilioStore,
  participant: Readonly<Participant>,
  status: ParticipantStatus,
  callEvent: ParticipantStatusEvent["callEvent"],
  callStatus: CallStatus,
  record = stateOf(store).calls.get(participant.account_sid, participant.call_sid),
  time = store.now(),
): Readonly<Participant> {
  const value = record
    ? store.moveParticipantInSlot(record.slot, participant, status, time)
    : store.moveParticipant(participant, status, time);
  store.events.emit({
    time,
    type: "participant-status",
    accountSid: participant.account_sid,
    conferenceSid: participant.conference_sid,
    callSid: participant.call_sid,
    status,
    callEvent,
    callStatus,
    participant: value,
    from: record?.from ?? null,
    to: record?.to ?? null,
    callbacks: record?.callbacks ?? {},
  });
  return value;
}

/** Stops the streams CreateStream started on a call (`stream-stopped` for each still running) and ends the call. */
function endCall(store: FakeTwilioStore, accountSid: string, callSid: string): void {
  const state = stateOf(store);
  for (const [sid, callbacks] of state.streams.get(accountSid, callSid) ?? []) {
    const stream = store.stream(accountSid, callSid, sid);
    if (stream?.status === "in-progress")
      store.events.emit({
        time: store.now(),
        type: "stream-stopped",
        accountSid,
        stream: { ...stream, status: "stopped", date_updated: touched(store.now(), stream) },
        callbacks,
      });
  }
  state.streams.delete(accountSid, callSid);
  store.removeCall(accountSid, callSid);
}

/**
 * Takes a participant out of its conference: its call ends (`participant-status` `complete`, its
 * streams stopped), then `participant-leave`. The conference itself is left as it is.
 */
function leave(
  store: FakeTwilioStore,
  conference: Readonly<Conference>,
  participant: Readonly<Participant>,
  reason: ReasonParticipantLeft,
): void {
  const state = stateOf(store);
  state.calls.get(participant.account_sid, participant.call_sid)?.pending?.cancel();
  const callStatus: CallStatus = participant.status === "connected" ? "completed" : "canceled";
  store.removeParticipant(participant.account_sid, participant.conference_sid, participant.call_sid);
  // One time for the call's end and its recording's, so that both give the recording the same whole seconds.
  const time = store.now();
  const left = setStatus(store, participant, "complete", "completed", callStatus, undefined, time);
  endCall(store, participant.account_sid, participant.call_sid);
  stopCallRecording(store, participant, time);
  store.events.emit({
    time: store.now(),
    type: "participant-leave",
    accountSid: conference.account_sid,
    conference,
    participant: left,
    participantCallStatus: callStatus,
    reasonParticipantLeft: reason,
    callbacks: conferenceCallbacks(store, conference),
  });
  state.calls.delete(participant.account_sid, participant.call_sid);
}

/**
 * Ends a conference as Twilio does: every remaining participant leaves (`participant-leave`,
 * `conference_ended_via_api` for the API, else `moderator_ended_conference`), then the conference is
 * `completed` with the reason and `call_sid_ending_conference` (null for `conference-ended-via-api`),
 * and `conference-end` is emitted. A conference that has already ended stays as it is.
 * Source: the spec's descriptions of `reason_conference_ended` and `call_sid_ending_conference`; TW-CONF (WEBHOOKS.md §2.3).
 *
 * @param endingParticipant - the participant whose exit ended it (its call SID and label go into the conference and event)
 * @returns the conference as stored after the call
 */
export function endConference(
  store: FakeTwilioStore,
  conference: Readonly<Conference>,
  reason: ReasonConferenceEnded,
  endingParticipant: Readonly<Participant> | null,
): Readonly<Conference> {
  if (conference.status === "completed") return conference;
  const why = reason === "conference-ended-via-api" ? "conference_ended_via_api" : "moderator_ended_conference";
  // The store lists newest first (Twilio's order); the participants leave in the order they joined.
  for (const p of store.participants(conference.account_sid, conference.sid).reverse())
    leave(store, conference, p, why);
  const ended = store.putConference({
    ...conference,
    status: "completed",
    reason_conference_ended: reason,
    call_sid_ending_conference: endingParticipant?.call_sid ?? null,
    date_updated: touched(store.now(), conference),
  });
  store.events.emit({
    time: store.now(),
    type: "conference-end",
    accountSid: ended.account_sid,
    conference: ended,
    reasonConferenceEnded: reason,
    callSidEndingConference: endingParticipant?.call_sid ?? null,
    participantLabelEndingConference: endingParticipant?.label ?? null,
    callbacks: conferenceCallbacks(store, ended),
  });
  stopConferenceRecording(store, ended);
  return ended;
}

/**
 * A participant's exit from an in-progress conference ends it as Twilio does: a connected
 * participant with `end_conference_on_exit` ends it (`participant-with-end-conference-on-exit-…`),
 * and so does the last participant (`last-participant-…`).
 */
function endIfDue(store: FakeTwilioStore, participant: Readonly<Participant>, how: "kicked" | "left"): void {
  const conference = store.conference(participant.account_sid, participant.conference_sid);
  if (conference?.status !== "in-progress") return;
  if (participant.end_conference_on_exit && participant.status === "connected")
    endConference(store, conference, `participant-with-end-conference-on-exit-${how}`, participant);
  else if (store.participantCount(conference.account_sid, conference.sid) === 0)
    endConference(store, conference, `last-participant-${how}`, participant);
}

/**
 * Removes a participant (DeleteParticipant: Twilio hangs up its call, `participant_updated_via_api`),
 * and ends an in-progress conference when that was its last participant (`last-participant-kicked`)
 * or when the participant was connected with `end_conference_on_exit`
 * (`participant-with-end-conference-on-exit-kicked`).
 */
export function kickParticipant(
  store: FakeTwilioStore,
  conference: Readonly<Conference>,
  participant: Readonly<Participant>,
): void {
  leave(store, conference, participant, "participant_updated_via_api");
  endIfDue(store, participant, "kicked");
}

/**
 * The callee hangs up a participant's call (what a test simulates; no REST operation does it): the
 * participant leaves (`participant_hung_up`), and an in-progress conference ends as Twilio ends it
 * (`last-participant-left`, `participant-with-end-conference-on-exit-left`).
 *
 * @returns whether there was such a participant
 */
export function hangUp(store: FakeTwilioStore, accountSid: string, conferenceSid: string, callSid: string): boolean {
  const conference = store.conference(accountSid, conferenceSid);
  const participant = conference && store.participant(accountSid, conferenceSid, callSid);
  if (!conference || !participant) return false;
  leave(store, conference, participant, "participant_hung_up");
  endIfDue(store, participant, "left");
  return true;
}

/**
 * The participant as stored now, if it is still in its conference with the status a step expects: read from its call's
 * slot (no lookup) while the slot holds it, else looked up by call SID (a test put it again at another time).
 */
function current(
  store: FakeTwilioStore,
  p: Readonly<Participant>,
  status: ParticipantStatus,
  record?: CallRecord,
): Readonly<Participant> | undefined {
  const now = record?.slot.item ?? store.participant(p.account_sid, p.conference_sid, p.call_sid);
  return now?.call_sid === p.call_sid && now.status === status ? now : undefined;
}

/** A call that never connects: the participant `failed`, then it leaves (`participant_add_failed`). */
function fail(store: FakeTwilioStore, participant: Readonly<Participant>, outcome: CallFailure): void {
  const p = current(store, participant, participant.status ?? "queued");
  const conference = store.conference(participant.account_sid, participant.conference_sid);
  if (!p || !conference) return;
  const failed = setStatus(store, p, "failed", "completed", outcome);
  store.removeParticipant(p.account_sid, p.conference_sid, p.call_sid);
  store.events.emit({
    time: store.now(),
    type: "participant-leave",
    accountSid: conference.account_sid,
    conference,
    participant: failed,
    participantCallStatus: outcome,
    reasonParticipantLeft: "participant_add_failed",
    callbacks: conferenceCallbacks(store, conference),
  });
  stopCallRecording(store, p);
  stateOf(store).calls.delete(p.account_sid, p.call_sid);
}

/**
 * The call is answered: `connected`, `participant-join`, and an `init` conference starts
 * (`conference-start`) if the participant has `start_conference_on_enter`. Sources disagree on when
 * Twilio starts a conference (WEBHOOKS.md §2.6: TW-CONF asks for two participants, BLOG16 for one
 * joining with `startConferenceOnEnter`); the fake follows BLOG16, so that one participant suffices.
 */
function connect(store: FakeTwilioStore, participant: Readonly<Participant>, record: CallRecord): void {
  const connected = setStatus(store, participant, "connected", "answered", "in-progress", record);
  startCallRecording(store, connected);
  const conference = store.conference(connected.account_sid, connected.conference_sid);
  if (!conference) return;
  const callbacks = conferenceCallbacks(store, conference);
  store.events.emit({
    time: store.now(),
    type: "participant-join",
    accountSid: conference.account_sid,
    conference,
    participant: connected,
    callbacks,
  });
  if (conference.status !== "init" || connected.start_conference_on_enter === false) return;
  const started = store.putConference({
    ...conference,
    status: "in-progress",
    date_updated: touched(store.now(), conference),
  });
  store.events.emit({
    time: store.now(),
    type: "conference-start",
    accountSid: started.account_sid,
    conference: started,
    callbacks,
  });
  startConferenceRecording(store, started);
}

/** Schedules a call's next step `delayMs` after its previous one, as the work its record may call off. */
function after(store: FakeTwilioStore, record: CallRecord, delayMs: number, step: () => void): void {
  record.pending = store.clock.schedule(delayMs, step);
}

/**
 * Starts the timeline of a participant CreateParticipant added (`queued`): on the store's clock,
 * `connecting` ({@link LIFECYCLE_DELAYS_MS}), `ringing`, then `connected`, or `failed` for a
 * {@link TEST_NUMBERS} number. Also keeps the callback settings it was created with, and the
 * conference's when it is the first to set `ConferenceStatusCallback`.
 *
 * @param participant - as stored, `queued`
 * @param form - the CreateParticipant form
 * @param slot - its place in the store (`addCreatedParticipant`), where each step reads and moves it on
 */
export function participantCreated(
  store: FakeTwilioStore,
  participant: Readonly<Participant>,
  form: Readonly<CreateParticipantBody>,
  slot: Slot<Readonly<Participant>>,
): void {
  const state = stateOf(store);
  const record: CallRecord = {
    conferenceSid: participant.conference_sid,
    slot,
    from: form.From,
    to: form.To,
    callbacks: fields(form, [
      "StatusCallback",
      "StatusCallbackMethod",
      "StatusCallbackEvent",
      "RecordingStatusCallback",
      "RecordingStatusCallbackMethod",
      "RecordingStatusCallbackEvent",
    ]),
    pending: undefined,
  };
  state.calls.set(participant.account_sid, participant.call_sid, record);
  if (
    form.ConferenceStatusCallback !== undefined &&
    !state.conferences.has(participant.account_sid, participant.conference_sid)
  )
    state.conferences.set(
      participant.account_sid,
      participant.conference_sid,
      fields(form, [
        "ConferenceStatusCallback",
        "ConferenceStatusCallbackMethod",
        "ConferenceStatusCallbackEvent",
        "ConferenceRecordingStatusCallback",
        "ConferenceRecordingStatusCallbackMethod",
        "ConferenceRecordingStatusCallbackEvent",
      ]),
    );
  keepRecordingSettings(store, participant, form);
  const outcome = TEST_NUMBERS[form.To];
  const { connecting, ringing, connected } = LIFECYCLE_DELAYS_MS;
  after(store, record, connecting, () => {
    const queued = current(store, participant, "queued", record);
    if (!queued) return;
    const dialing = setStatus(store, queued, "connecting", "initiated", "initiated", record);
    if (outcome === "failed" || outcome === "busy") {
      after(store, record, ringing - connecting, () => fail(store, dialing, outcome));
      return;
    }
    after(store, record, ringing - connecting, () => {
      const called = current(store, dialing, "connecting", record);
      if (!called) return;
      const rung = setStatus(store, called, "ringing", "ringing", "ringing", record);
      after(store, record, connected - ringing, () => {
        const ringingNow = current(store, rung, "ringing", record);
        if (!ringingNow) return;
        if (outcome === "no-answer") fail(store, ringingNow, outcome);
        else connect(store, ringingNow, record);
      });
    });
  });
}

/**
 * Emits what an UpdateParticipant changed, in this order: `participant-mute` / `-unmute`,
 * `participant-hold` / `-unhold`, `participant-modify` (`end_conference_on_exit`, `coaching` or
 * `call_sid_to_coach` changed; TW-CONF's `modify`).
 */
export function participantUpdated(
  store: FakeTwilioStore,
  before: Readonly<Participant>,
  after: Readonly<Participant>,
): void {
  const conference = store.conference(after.account_sid, after.conference_sid);
  if (!conference) return;
  const types = [
    before.muted !== after.muted && (after.muted ? "participant-mute" : "participant-unmute"),
    before.hold !== after.hold && (after.hold ? "participant-hold" : "participant-unhold"),
    (before.end_conference_on_exit !== after.end_conference_on_exit ||
      before.coaching !== after.coaching ||
      before.call_sid_to_coach !== after.call_sid_to_coach) &&
      "participant-modify",
  ] as const;
  const callbacks = conferenceCallbacks(store, conference);
  for (const type of types)
    if (type)
      store.events.emit({
        time: store.now(),
        type,
        accountSid: conference.account_sid,
        conference,
        participant: after,
        callbacks,
      });
}

/**
 * Whether a stream can start on a call: an in-progress call the store has (see `hasCall`: a created participant's call
 * while it is connected), or the call of another `connected` participant of the account (seeded, or put by a test;
 * then the call is put in place). A created participant's call that is not connected yet is not looked for further.
 */
export function callIsLive(store: FakeTwilioStore, accountSid: string, callSid: string): boolean {
  if (store.hasCall(accountSid, callSid)) return true;
  if (stateOf(store).calls.has(accountSid, callSid)) return false;
  const live = store.conferences(accountSid).some((c) => {
    const p = store.participant(accountSid, c.sid, callSid);
    return p?.call_sid === callSid && p.status === "connected";
  });
  if (live) store.putCall(accountSid, callSid);
  return live;
}

/** Keeps a new stream's callback settings and emits `stream-started`. */
export function streamStarted(
  store: FakeTwilioStore,
  stream: Readonly<Stream>,
  form: Readonly<CreateStreamBody>,
): void {
  const callbacks: StreamCallbacks = fields(form, ["StatusCallback", "StatusCallbackMethod"]);
  const streams = stateOf(store).streams;
  const onCall = streams.get(stream.account_sid, stream.call_sid) ?? new Map<string, StreamCallbacks>();
  streams.set(stream.account_sid, stream.call_sid, onCall.set(stream.sid, callbacks));
  store.events.emit({
    time: store.now(),
    type: "stream-started",
    accountSid: stream.account_sid,
    stream,
    callbacks,
  });
}

/** Emits `stream-stopped` for a stream UpdateStream stopped (only when it was running). */
export function streamStopped(store: FakeTwilioStore, before: Readonly<Stream>, after: Readonly<Stream>): void {
  if (before.status !== "in-progress") return;
  const callbacks = stateOf(store).streams.get(after.account_sid, after.call_sid)?.get(after.sid) ?? {};
  store.events.emit({
    time: store.now(),
    type: "stream-stopped",
    accountSid: after.account_sid,
    stream: after,
    callbacks,
  });
}
