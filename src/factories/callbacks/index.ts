export {
  conferenceEventFactory,
  type ConferenceEventFactory,
  type ConferenceEventParams,
  type ConferenceEventTrait,
} from "./conference-status.js";
export {
  callProgressFactory,
  type CallProgressFactory,
  type CallProgressParams,
  type CallProgressTrait,
} from "./call-progress.js";
export {
  recordingStatusFactory,
  type RecordingStatusFactory,
  type RecordingStatusParams,
  type RecordingStatusTrait,
} from "./recording-status.js";
export {
  streamStatusFactory,
  type StreamStatusFactory,
  type CallbackStream,
  type StreamStatusParams,
  type StreamStatusTrait,
} from "./stream-status.js";
export type { CallbackConference, CallbackParticipant } from "./subjects.js";
export {
  CALLBACK_INVALID_RULES,
  callbackInvalidRulesFor,
  type CallbackInvalidCases,
  type CallbackInvalidRule,
  type CallbackInvalidRuleName,
} from "./invalid.js";
export { callbackTimeline, type CallbackTimelineOptions, type TimelineCallback } from "./timeline.js";
export {
  CallbackProducer,
  type CallbackEventInput,
  type CallbackMethod,
  type CallbackTarget,
  type CallProgressInput,
  type ConferenceEventInput,
  type ProducedCallback,
  type RecordingInput,
  type RecordingStatusInput,
  type StreamEventInput,
} from "./produce.js";
