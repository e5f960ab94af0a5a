// The lifecycle's own state of each store, apart from the lifecycle so that the store can forget it
// on reset() without importing the lifecycle (which works on the store).
import type { ScheduledWork } from "./clock.js";
import type { ConferenceCallbacks, ParticipantCallbacks, StreamCallbacks } from "./events.js";

/** What the lifecycle knows of a call CreateParticipant started, beyond the participant resource. */
interface CallRecord {
  readonly from: string;
  readonly to: string;
  readonly callbacks: ParticipantCallbacks;
  /** The next step of its timeline, if any */
  pending: ScheduledWork | undefined;
}

/** The lifecycle's own state of one store: kept here, not in the resources Twilio returns. */
interface LifecycleState {
  /** By `accountSid/callSid` */
  readonly calls: Map<string, CallRecord>;
  /** By `accountSid/conferenceSid` */
  readonly conferences: Map<string, ConferenceCallbacks>;
  /** Streams started by CreateStream, by `accountSid/callSid`, then by stream SID */
  readonly streams: Map<string, Map<string, StreamCallbacks>>;
}

const states = new WeakMap<object, LifecycleState>();

/** The lifecycle state of a store, made empty on first use. */
export function stateOf(store: object): LifecycleState {
  let state = states.get(store);
  if (!state) {
    state = { calls: new Map(), conferences: new Map(), streams: new Map() };
    states.set(store, state);
  }
  return state;
}

/**
 * Forgets what the lifecycle knows of a store's calls, conferences and streams and calls off every
 * participant's next step (for `store.reset()`); the event log stays.
 */
export function forgetLifecycle(store: object): void {
  for (const record of stateOf(store).calls.values()) record.pending?.cancel();
  states.delete(store);
}
