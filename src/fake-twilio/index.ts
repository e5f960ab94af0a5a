// The `twilio-testkit/fake-twilio` entry point: a stateful fake of the Twilio Voice API for tests and
// Pact provider verification. Kept apart from the main entry so that factories and validators load without fastify.
export { startFakeTwilio, type FakeTwilio, type FakeTwilioOptions } from "./server.js";
export { DEFAULT_AUTH_TOKEN, FakeTwilioStore, type FakeTwilioStoreOptions } from "./store.js";
export { PROVIDER_STATE_HANDLERS, type ProviderStateHandler, type ProviderStateParams } from "./provider-states.js";
export { PROVIDER_STATES_PATH } from "./state-change.js";
export { createFakeTwilio, type InProcessFakeTwilio, type InProcessFakeTwilioOptions } from "./in-process.js";
export type { FakeTwilioFaults, FaultSpec, FaultStatus, Fault } from "./faults.js";
export { FakeClock, type ClockMode, type FakeClockOptions, type ScheduledWork } from "./clock.js";
export type {
  CallStatus,
  ConferenceCallbacks,
  ConferenceEndEvent,
  ConferenceStartEvent,
  FakeRecording,
  FakeTwilioEvent,
  FakeTwilioEventListener,
  FakeTwilioEvents,
  ParticipantCallbacks,
  ParticipantConferenceEvent,
  ParticipantConferenceEventType,
  ParticipantLeaveEvent,
  ParticipantStatusEvent,
  ReasonParticipantLeft,
  RecordingCallbacks,
  RecordingStatusEvent,
  StreamCallbacks,
  StreamStatusEvent,
} from "./events.js";
export { LIFECYCLE_DELAYS_MS, TEST_NUMBERS, type CallFailure } from "./lifecycle-rules.js";
export {
  FakeTwilioCallbacks,
  type CallbackDelivery,
  type CallbackDeliveryState,
  type CallbackMatch,
  type FakeTwilioCallbackOptions,
} from "./callbacks.js";
