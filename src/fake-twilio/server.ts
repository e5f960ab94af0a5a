import type { AddressInfo } from "node:net";
import { TestkitError } from "../errors.js";
import { createFakeTwilioApp } from "./app.js";
import { FakeTwilioFaults } from "./faults.js";
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
  /** Clock for `date_created` / `date_updated` (default: the system clock) */
  readonly now?: (() => Date) | undefined;
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
  /** Stops listening and closes open connections */
  close(): Promise<void>;
}

/**
 * Refuses a bad seed or auth token (and port) with one line; shared by {@link startFakeTwilio} and `createFakeTwilio`.
 *
 * @throws TestkitError `USAGE`
 */
export function checkOptions(options: FakeTwilioOptions): void {
  const { port, seed, authToken } = options;
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535))
    throw new TestkitError(
      "USAGE",
      `Failed to start the fake Twilio: port ${port} is not a whole number from 0 to 65535`,
    );
  if (seed !== undefined && !Number.isSafeInteger(seed))
    throw new TestkitError("USAGE", `Failed to start the fake Twilio: seed ${seed} is not a whole number`);
  if (authToken === "") throw new TestkitError("USAGE", "Failed to start the fake Twilio: the auth token is empty");
}

/**
 * Starts a stateful fake of the Twilio Voice API 2010-04-01 (Conferences, Participants, Streams):
 * the ten catalogued operations on an in-memory store, seeded from the factories with one account,
 * Basic auth against the account in the path, and Twilio's error bodies and status codes. The
 * official `twilio` SDK works against it; Pact's verifier can use `${url}/_pact/provider-states` as
 * its state change URL.
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
  checkOptions(options);
  const { port = 0, host = "127.0.0.1", authToken = DEFAULT_AUTH_TOKEN } = options;
  const store = new FakeTwilioStore({ authToken, seed: options.seed, now: options.now });
  const accountSid = seedStore(store);
  const faults = new FakeTwilioFaults();
  const app = await createFakeTwilioApp(store, faults);
  try {
    await app.listen({ port, host });
  } catch (error) {
    await app.close();
    throw new TestkitError("IO", `Failed to start the fake Twilio on ${host}:${port}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const { port: bound } = app.server.address() as AddressInfo;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${bound}`;
  return { url, accountSid, authToken, store, faults, close: () => app.close() };
}
