// A fresh fake Twilio per test, the official twilio SDK pointed at it, and a record of every raw
// response the SDK got, each checked against the strict profile after the test. The transport comes
// from FAKE_TWILIO_TRANSPORT (vitest.config.ts runs the SDK suites under each): `http` (default, the
// HTTP fake on 127.0.0.1), `in-process` (createFakeTwilio's httpClient) or `msw` (the twilio SDK's own
// RequestClient to api.twilio.com, answered by twilioHandlers under msw/node).
import { setupServer } from "msw/node";
import twilio from "twilio";
import { afterEach, beforeEach, expect } from "vitest";
import { OPERATIONS, type Operation } from "../../src/catalogue/operations.js";
import {
  createFakeTwilio,
  startFakeTwilio,
  type FakeTwilio,
  type FakeTwilioOptions,
  type InProcessFakeTwilio,
} from "../../src/fake-twilio/index.js";
import { twilioHandlers } from "../../src/msw/index.js";
import { formatIssues } from "../../src/validate/issues.js";
import { validateResource, validateResponse } from "../../src/validate/validate.js";

/** One response the SDK received. */
export interface Exchange {
  readonly method: string;
  /** The request URL as the SDK built it (with the query when following a page URI) */
  readonly uri: string;
  /** Query parameters the SDK sent */
  readonly params: Readonly<Record<string, unknown>>;
  readonly statusCode: number;
  readonly body: unknown;
}

/** How the SDK reaches the fake. */
export type Transport = "http" | "in-process" | "msw";

const TRANSPORTS: readonly Transport[] = ["http", "in-process", "msw"];

/** The transport of this run, from FAKE_TWILIO_TRANSPORT. */
export const TRANSPORT: Transport = (() => {
  const chosen = (process.env.FAKE_TWILIO_TRANSPORT ?? "http") as Transport;
  if (!TRANSPORTS.includes(chosen)) throw new Error(`FAKE_TWILIO_TRANSPORT ${chosen} is not one of ${TRANSPORTS}`);
  return chosen;
})();

/** A fake Twilio of either kind. */
export type AnyFake = FakeTwilio | InProcessFakeTwilio;

export interface Harness {
  readonly fake: AnyFake;
  readonly client: twilio.Twilio;
  /** Every response so far, in order */
  readonly exchanges: Exchange[];
}

/** The catalogued operation a request was for, from its method and path. */
function operationOf(method: string, path: string): Operation | undefined {
  return OPERATIONS.find(
    (op) =>
      op.method === method.toUpperCase() &&
      new RegExp(`^${op.path.replace(/[.]/g, "\\.").replace(/\{\w+\}/g, "[^/]+")}$`).test(path),
  );
}

/** An exchange's body as JSON (the SDK hands over text or parsed JSON); undefined for no body. */
export function bodyOf(exchange: Exchange): unknown {
  if (typeof exchange.body !== "string") return exchange.body;
  return exchange.body === "" ? undefined : JSON.parse(exchange.body);
}

/** Why an exchange's body fails the strict profile of its operation (success) or of Twilio's error body (failure); undefined when it passes. */
export function strictProblem(exchange: Exchange): string | undefined {
  const path = new URL(exchange.uri).pathname;
  const body = bodyOf(exchange);
  const op = operationOf(exchange.method, path);
  const result =
    exchange.statusCode >= 400
      ? validateResource("error", body, { profile: "strict" })
      : op
        ? validateResponse(op.operationId, body, { profile: "strict" })
        : undefined;
  if (!result) return `${exchange.method} ${path}: no catalogued operation`;
  return result.ok ? undefined : `${exchange.method} ${path} (${exchange.statusCode}): ${formatIssues(result.issues)}`;
}

/**
 * An SDK client whose HTTP client records every response into `exchanges`: the SDK's own
 * RequestClient for an HTTP fake (at its URL) and under MSW (at api.twilio.com), the in-process one else.
 */
export function recordingClient(
  fake: AnyFake,
  exchanges: Exchange[],
  options: ConstructorParameters<typeof twilio.RequestClient>[0] = {},
): twilio.Twilio {
  const inProcess = !("url" in fake) && TRANSPORT === "in-process";
  const httpClient = inProcess ? fake.httpClient : new twilio.RequestClient(options);
  const send = httpClient.request.bind(httpClient);
  httpClient.request = (async (opts: Parameters<typeof send>[0]) => {
    const response = await send(opts);
    exchanges.push({
      method: opts.method,
      uri: opts.uri,
      params: (opts.params ?? {}) as Record<string, unknown>,
      statusCode: response.statusCode,
      body: response.body,
    });
    return response;
  }) as typeof httpClient.request;
  const client = twilio(fake.accountSid, fake.authToken, { httpClient });
  if ("url" in fake) client.api.baseUrl = fake.url;
  return client;
}

/**
 * Starts a fake Twilio before each test and closes it after; after each test, every response the
 * SDK received must pass the strict profile. The default clock is manual, so that a participant
 * stays as created until a test steps the clock (on a real clock it would ring 100 ms later).
 */
export function useFakeTwilio(options: FakeTwilioOptions = { seed: 42, clock: "manual" }): () => Harness {
  let harness: Harness | undefined;
  let stop: (() => Promise<void>) | undefined;
  beforeEach(async () => {
    const started = await startFake(options);
    stop = started.stop;
    const exchanges: Exchange[] = [];
    harness = { fake: started.fake, client: recordingClient(started.fake, exchanges), exchanges };
  });
  afterEach(async () => {
    const current = harness;
    harness = undefined;
    await stop?.();
    expect(current?.exchanges.map(strictProblem).filter((p) => p !== undefined)).toEqual([]);
  });
  return () => {
    if (!harness) throw new Error("useFakeTwilio: no fake running outside a test");
    return harness;
  };
}

/** A fake on this run's transport, and how to stop it (and the MSW server). */
async function startFake(options: FakeTwilioOptions): Promise<{ fake: AnyFake; stop: () => Promise<void> }> {
  if (TRANSPORT === "http") {
    const fake = await startFakeTwilio(options);
    return { fake, stop: () => fake.close() };
  }
  const { port: _port, host: _host, ...inProcessOptions } = options;
  const fake = await createFakeTwilio(inProcessOptions);
  if (TRANSPORT === "in-process") return { fake, stop: () => fake.close() };
  const server = setupServer(...twilioHandlers(fake));
  // A request to Twilio that no handler took is a bug of the handlers; anything else (an HTTP fake on 127.0.0.1) goes through.
  server.listen({
    onUnhandledRequest: (request, print) => {
      if (new URL(request.url).hostname.endsWith("twilio.com")) print.error();
    },
  });
  return {
    fake,
    stop: async () => {
      server.close();
      await fake.close();
    },
  };
}
