// The lifecycle's own state of each store, apart from the lifecycle so that the store can forget it
// on reset() without importing the lifecycle (which works on the store).
import type { ScheduledWork } from "./clock.js";
import type { Participant } from "../generated/schemas.js";
import type { ConferenceCallbacks, ParticipantCallbacks, StreamCallbacks } from "./events.js";
import type { Slot } from "./_ordered-list.js";

/** What the lifecycle knows of a call CreateParticipant started, beyond the participant resource. */
export interface CallRecord {
  /** The conference its participant joins */
  readonly conferenceSid: string;
  /** Its participant's place in the store, which each step reads and moves on */
  readonly slot: Slot<Readonly<Participant>>;
  readonly from: string;
  readonly to: string;
  readonly callbacks: ParticipantCallbacks;
  /** The next step of its timeline, if any */
  pending: ScheduledWork | undefined;
}

/** Values by account SID, then by another SID: a lookup builds no key string. */
class ByAccount<V> {
  readonly #accounts = new Map<string, Map<string, V>>();

  get(accountSid: string, sid: string): V | undefined {
    return this.#accounts.get(accountSid)?.get(sid);
  }

  has(accountSid: string, sid: string): boolean {
    return this.#accounts.get(accountSid)?.has(sid) ?? false;
  }

  set(accountSid: string, sid: string, value: V): void {
    const bySid = this.#accounts.get(accountSid);
    if (bySid) bySid.set(sid, value);
    else this.#accounts.set(accountSid, new Map([[sid, value]]));
  }

  delete(accountSid: string, sid: string): void {
    this.#accounts.get(accountSid)?.delete(sid);
  }

  *values(): Generator<V> {
    for (const bySid of this.#accounts.values()) yield* bySid.values();
  }
}

/** The lifecycle's own state of one store: kept here, not in the resources Twilio returns. */
interface LifecycleState {
  /** By account SID and call SID */
  readonly calls: ByAccount<CallRecord>;
  /** By account SID and conference SID */
  readonly conferences: ByAccount<ConferenceCallbacks>;
  /** Streams started by CreateStream, by account SID and call SID, then by stream SID */
  readonly streams: ByAccount<Map<string, StreamCallbacks>>;
}

const states = new WeakMap<object, LifecycleState>();

/** The lifecycle state of a store, made empty on first use. */
export function stateOf(store: object): LifecycleState {
  let state = states.get(store);
  if (!state) {
    state = { calls: new ByAccount(), conferences: new ByAccount(), streams: new ByAccount() };
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
