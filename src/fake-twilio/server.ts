import type { AddressInfo } from "node:net";
import { TestkitError } from "../errors.js";
import { createFakeTwilioApp } from "./app.js";
import { type FakeTwilioCallbackOptions, FakeTwilioCallbacks } from "./callbacks.js";
import { FakeTwilioFaults } from "./faults.js";
import { type ClockMode, FakeClock, type FakeClockOptions } from "./clock.js";
import type { FakeTwilioEvents } from "./events.js";
import { hangUp } from "./lifecycle.js";
import { seedStore } from "./seed.js";
import { DEFAULT_AUTH_TOKEN, FakeTwilioStore } from "./store.js";

/** Options of {@link startFakeTwilio}. */
export interface FakeTwilioOptions {
  /** TCP port, 0 to 65535; 0 (the default) picks a free one */
  readonly port?: number | undefined;
  /** Interface to listen on (default `127.0.0.1`) */
  readonly host?: string | undefined;
  /** Seed of the seeded account and of every SID the fake draws; random when absent */
  readonly seed?: number | undefined;
  /** Auth token of the seeded account and of accounts created implicitly (default `your_auth_token`, the placeholder of Twilio's docs and our contracts) */
  readonly authToken?: string | undefined;
  /**
   * The fake's clock: `real` (default: real time, a new participant is answered within a second),
   * `manual` (time stands still until `fake.clock.advance(ms)` or `fake.clock.runAll()`; starts at the
   * system clock's time), the options of a new clock (e.g. `{ mode: "manual", start: new Date("2030-01-01") }`),
   * or a {@link FakeClock} of your own
   */
  readonly clock?: ClockMode | FakeClockOptions | FakeClock | undefined;
  /**
   * Status callbacks: sent by default; `false` turns them off; or their options (`{ timeoutMs: 1_000 }`).
   * See {@link FakeTwilioCallbacks}.
   */
  readonly callbacks?: boolean | FakeTwilioCallbackOptions | undefined;
}

/** A running fake Twilio. */
export interface FakeTwilio {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:41234`; point the SDK at it with `client.api.baseUrl = url` */
  readonly url: string;
  /** SID of the seeded account */
  readonly accountSid: string;
  /** Its auth token */
  readonly authToken: string;
  /** The fake's state, to put or inspect resources from a test */
  readonly store: FakeTwilioStore;
  /** Faults on demand: `fake.faults.inject({ operation: "CreateParticipant", status: 503 })` */
  readonly faults: FakeTwilioFaults;
  /** The fake's clock (`store.clock`): `now()`, `advance(ms)`, `runAll()` */
  readonly clock: FakeClock;
  /** The fake's events in order (`store.events`): `subscribe(listener)`, `list()`; the basis of status callbacks */
  readonly events: FakeTwilioEvents;
  /** The status callbacks it sent and is sending: `list()`, `waitFor(match)`, `settled()`, `subscribe(listener)` */
  readonly callbacks: FakeTwilioCallbacks;
  /**
   * The callee hangs up a participant's call (no REST operation does it): the participant leaves
   * (`participant_hung_up`) and an in-progress conference ends as Twilio ends it
   * (`last-participant-left`, `participant-with-end-conference-on-exit-left`).
   *
   * @param conferenceSid - in the seeded account unless `accountSid` is given
   * @param callSid - the participant's call SID or label
   * @returns whether there was such a participant
   */
  hangUp(conferenceSid: string, callSid: string, accountSid?: string): boolean;
  /** Stops listening, closes open connections and drops the clock's pending work */
  close(): Promise<void>;
}

/**
 * Refuses a bad option with one line; shared by {@link startFakeTwilio} and `createFakeTwilio`.
 *
 * @throws TestkitError `USAGE`
 */
function checkOptions(options: FakeTwilioOptions): void {
  const { port, seed, authToken, clock } = options;
  const mode = typeof clock === "object" && !(clock instanceof FakeClock) ? clock.mode : clock;
  if (mode !== undefined && !(mode instanceof FakeClock) && mode !== "real" && mode !== "manual")
    throw new TestkitError(
      "USAGE",
      `Failed to start the fake Twilio: clock mode ${JSON.stringify(mode)} is not "real" or "manual"`,
    );
  const start = typeof clock === "object" && !(clock instanceof FakeClock) ? clock.start : undefined;
  if (start !== undefined && !(start instanceof Date && Number.isFinite(start.getTime())))
    throw new TestkitError("USAGE", "Failed to start the fake Twilio: the clock's start is not a valid Date");
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535))
    throw new TestkitError(
      "USAGE",
      `Failed to start the fake Twilio: port ${port} is not a whole number from 0 to 65535`,
    );
  if (seed !== undefined && !Number.isSafeInteger(seed))
    throw new TestkitError("USAGE", `Failed to start the fake Twilio: seed ${seed} is not a whole number`);
  if (authToken === "") throw new TestkitError("USAGE", "Failed to start the fake Twilio: the auth token is empty");
}

/** What every fake Twilio holds and does, whatever answers its requests: its members other than the transport's. */
export type FakeWorld = Pick<
  FakeTwilio,
  "accountSid" | "authToken" | "store" | "faults" | "clock" | "events" | "callbacks" | "hangUp"
>;

/**
 * The options checked, then the clock, the store seeded with one account, and the faults: shared by
 * {@link startFakeTwilio} and `createFakeTwilio`, so that both fakes are the same world.
 *
 * @throws TestkitError `USAGE` for a bad option
 */
export function fakeWorld(options: FakeTwilioOptions): FakeWorld {
  checkOptions(options);
  const { authToken = DEFAULT_AUTH_TOKEN, clock: given } = options;
  const clock = given instanceof FakeClock ? given : new FakeClock(typeof given === "object" ? given : { mode: given });
  const store = new FakeTwilioStore({ authToken, seed: options.seed, clock });
  const accountSid = seedStore(store);
  store.keepAsSeeded();
  const { callbacks } = options;
  return {
    accountSid,
    authToken,
    store,
    faults: new FakeTwilioFaults(),
    clock,
    events: store.events,
    callbacks: new FakeTwilioCallbacks(store, typeof callbacks === "object" ? callbacks : { enabled: callbacks }),
    hangUp: (conferenceSid, callSid, account = accountSid) => hangUp(store, account, conferenceSid, callSid),
  };
}

/**
 * Starts a stateful fake of the Twilio Voice API 2010-04-01 (Conferences, Participants, Streams):
 * the ten catalogued operations on an in-memory store, seeded from the factories with one account,
 * Basic auth against the account in the path, and Twilio's error bodies and status codes. The
 * official `twilio` SDK works against it; Pact's verifier can use `${url}/_pact/provider-states` as
 * its state change URL. The fake lives in time (its clock, `clock`): a participant goes `queued` →
 * `connecting` → `ringing` → `connected` by itself, conferences start and end, and every change is an
 * event (`events`), the basis of status callbacks.
 *
 * @param options - port, host, seed, auth token and clock
 * @returns the URL, the seeded account's SID and token, the store and `close()`
 * @throws TestkitError `USAGE` for a bad option; `IO` when it cannot listen (e.g. the port is taken)
 * @example
 * ```ts
 * const fake = await startFakeTwilio({ seed: 1 });
 * const client = twilio(fake.accountSid, fake.authToken);
 * client.api.baseUrl = fake.url;
 * const conferences = await client.conferences.list({ status: "in-progress" });
 * await fake.close();
 * ```
 */
export async function startFakeTwilio(options: FakeTwilioOptions = {}): Promise<FakeTwilio> {
  const { port = 0, host = "127.0.0.1" } = options;
  const world = fakeWorld(options);
  const { store, clock, faults, callbacks } = world;
  const app = await createFakeTwilioApp(store, faults);
  try {
    await app.listen({ port, host });
  } catch (error) {
    await app.close();
    clock.dispose();
    callbacks.close();
    throw new TestkitError("IO", `Failed to start the fake Twilio on ${host}:${port}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const { port: bound } = app.server.address() as AddressInfo;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${bound}`;
  return {
    url,
    ...world,
    close: async () => {
      clock.dispose();
      callbacks.close();
      await app.close();
    },
  };
}
