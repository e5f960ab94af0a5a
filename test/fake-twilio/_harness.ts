// A fresh fake Twilio per test, the official twilio SDK pointed at it, and a record of every raw
// response the SDK got, each checked against the strict profile after the test.
import twilio from "twilio";
import { afterEach, beforeEach, expect } from "vitest";
import { OPERATIONS, type Operation } from "../../src/catalogue/operations.js";
import { startFakeTwilio, type FakeTwilio, type FakeTwilioOptions } from "../../src/fake-twilio/index.js";
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

export interface Harness {
  readonly fake: FakeTwilio;
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

/** An SDK client whose HTTP client records every response into `exchanges`. */
export function recordingClient(fake: FakeTwilio, exchanges: Exchange[]): twilio.Twilio {
  const httpClient = new twilio.RequestClient();
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
  client.api.baseUrl = fake.url;
  return client;
}

/**
 * Starts a fake Twilio before each test and closes it after; after each test, every response the
 * SDK received must pass the strict profile. The default clock is manual, so that a participant
 * stays as created until a test steps the clock (on a real clock it would ring 100 ms later).
 */
export function useFakeTwilio(options: FakeTwilioOptions = { seed: 42, clock: "manual" }): () => Harness {
  let harness: Harness | undefined;
  beforeEach(async () => {
    const fake = await startFakeTwilio(options);
    const exchanges: Exchange[] = [];
    harness = { fake, client: recordingClient(fake, exchanges), exchanges };
  });
  afterEach(async () => {
    const current = harness;
    harness = undefined;
    await current?.fake.close();
    expect(current?.exchanges.map(strictProblem).filter((p) => p !== undefined)).toEqual([]);
  });
  return () => {
    if (!harness) throw new Error("useFakeTwilio: no fake running outside a test");
    return harness;
  };
}
