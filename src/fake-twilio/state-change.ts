import { TestkitError } from "../errors.js";
import { errorReply, invalidParameter, type Reply } from "./errors.js";
import { PROVIDER_STATE_HANDLERS, type ProviderStateParams } from "./provider-states.js";
import type { FakeTwilioStore } from "./store.js";

export { PROVIDER_STATES_PATH } from "../catalogue/provider-states.js";

/** The JSON body Pact's verifier posts to a state change URL. */
interface StateChange {
  readonly state?: unknown;
  readonly params?: unknown;
  readonly action?: unknown;
}

const KNOWN_STATES = Object.keys(PROVIDER_STATE_HANDLERS);

/** How many refused state changes the store keeps, newest last, so that a long-running fake does not grow. */
const KEPT_FAILURES = 100;

/** A 400 (code 20001) with the message, kept in the store's {@link FakeTwilioStore.stateChangeFailures}. */
function refuse(store: FakeTwilioStore, message: string): Reply {
  store.stateChangeFailures.push(message);
  if (store.stateChangeFailures.length > KEPT_FAILURES) store.stateChangeFailures.shift();
  return errorReply(invalidParameter(message));
}

/**
 * Pact's standard state change request: `{ state, params, action }` with action `setup` (the
 * default) or `teardown`. Setup runs the state's handler from {@link PROVIDER_STATE_HANDLERS};
 * teardown changes nothing, since every setup makes its own state complete. Answers 200 `{}`, or a
 * Twilio-shaped 400 (code 20001) naming what is wrong: an unknown state (listing the known ones),
 * an unknown action, a missing path parameter or an example that fails the strict profile; that
 * message is also kept in the store's `stateChangeFailures`.
 *
 * @param store - the fake's state
 * @param request - the parsed JSON body
 */
export function changeProviderState(store: FakeTwilioStore, request: unknown): Reply {
  const {
    state,
    params = {},
    action = "setup",
  } = (typeof request === "object" && request !== null ? request : {}) as StateChange;
  const handler =
    typeof state === "string" && Object.hasOwn(PROVIDER_STATE_HANDLERS, state)
      ? PROVIDER_STATE_HANDLERS[state as keyof typeof PROVIDER_STATE_HANDLERS]
      : undefined;
  if (!handler)
    return refuse(
      store,
      `Failed to set up provider state ${JSON.stringify(state) ?? "(none)"}: unknown state; known states are ${KNOWN_STATES.map((s) => `"${s}"`).join(", ")}`,
    );
  if (action !== "setup" && action !== "teardown")
    return refuse(
      store,
      `Failed to change provider state "${state}": action must be "setup" or "teardown", not ${JSON.stringify(action)}`,
    );
  if (action === "setup") {
    try {
      handler(store, (typeof params === "object" && params !== null ? params : {}) as ProviderStateParams);
    } catch (error) {
      if (!(error instanceof TestkitError)) throw error;
      return refuse(store, `Failed to set up provider state "${state}": ${error.message}`);
    }
  }
  return { status: 200, body: {} };
}
