// internal: answers a request without a socket, for the in-process client and the MSW handlers: faults
// first, then the catalogued operation through `answer` (the HTTP fake's own code path), and anything
// else (a 404, a 405, a body that is not a form) through Fastify's `inject` into the same app.
import { jsonText } from "./_json-text.js";
import type { FastifyInstance } from "fastify";
import { parse } from "node:querystring";
import { setTimeout as sleep } from "node:timers/promises";
import { matchOperation } from "../catalogue/operations.js";
import { createFakeTwilioApp } from "./app.js";
import { errorReply, internalError, type Reply } from "./errors.js";
import type { FakeTwilioFaults } from "./faults.js";
import { answer } from "./operation.js";
import type { FakeTwilioStore } from "./store.js";

/** A request as a transport hands it over: method, URL (absolute, or a path with its query), lower-case headers, body text. */
export interface WireRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: string | undefined;
}

/** The fake's answer: status, lower-case headers and the body as text ("" for none). */
export interface WireAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** What became of a request: answered, its connection dropped by a fault, or given up after `timeoutMs`. */
export type Dispatched = WireAnswer | "dropped" | "timed-out";

/** Fastify's default `maxParamLength`: a longer path segment is a 404 there, so it goes through Fastify here too. */
const MAX_PARAM_LENGTH = 100;

const isForm = (contentType: string | undefined): boolean =>
  contentType?.split(";")[0]?.trim().toLowerCase() === "application/x-www-form-urlencoded";

/**
 * A reply as the HTTP fake writes it: JSON text under `Content-Type: application/json`, or no body;
 * with its `Content-Length`, without which a keep-alive client (the SDK's axios under MSW) waits for more.
 */
function wire({ status, body, text: written }: Reply, headers: Readonly<Record<string, string>> = {}): WireAnswer {
  if (body === undefined) return { status, headers: { ...headers, "content-length": "0" }, body: "" };
  const text = written ?? jsonText(body);
  const length = String(Buffer.byteLength(text));
  return { status, headers: { ...headers, "content-type": "application/json", "content-length": length }, body: text };
}

/** The request's body as the HTTP layer would parse it, or `"fastify"` when only Fastify can say what it makes of it. */
function parsedBody(method: string, contentType: string | undefined, body: string | undefined): unknown {
  const empty = body === undefined || body === "";
  if (contentType === undefined) return empty ? undefined : "fastify";
  if (method !== "POST") return "fastify";
  return isForm(contentType) ? parse(body ?? "") : "fastify";
}

/** Answers requests to one store, in process. */
export class Dispatcher {
  readonly #store: FakeTwilioStore;
  readonly #faults: FakeTwilioFaults;
  #app: Promise<FastifyInstance> | undefined;

  constructor(store: FakeTwilioStore, faults: FakeTwilioFaults) {
    this.#store = store;
    this.#faults = faults;
  }

  /**
   * Answers one request as the HTTP fake would, faults included.
   *
   * @param timeoutMs - how long the caller waits; a fault's latency beyond it gives `"timed-out"` after `timeoutMs`, and the request is not answered
   */
  async dispatch(request: WireRequest, timeoutMs = Number.POSITIVE_INFINITY): Promise<Dispatched> {
    const method = request.method.toUpperCase();
    const url = request.url.startsWith("/") ? request.url : request.url.slice(request.url.indexOf("/", 8));
    const queryAt = url.indexOf("?");
    const path = queryAt < 0 ? url : url.slice(0, queryAt);
    const matched = matchOperation(method, path);
    const fault = matched && this.#faults.take(matched.operation.operationId);
    if (fault) {
      if (fault.latencyMs >= timeoutMs) {
        await sleep(timeoutMs);
        return "timed-out";
      }
      if (fault.latencyMs > 0) await sleep(fault.latencyMs);
      if (fault.drop) return "dropped";
      if (fault.reply) return wire(fault.reply.reply, fault.reply.headers);
    }
    const contentType = request.headers["content-type"];
    const body = parsedBody(method, contentType, request.body);
    const short = matched && Object.values(matched.params).every((v) => v.length <= MAX_PARAM_LENGTH);
    if (!matched || !short || body === "fastify") return this.#inject(method, url, request);
    try {
      return wire(
        answer(this.#store, matched.operation, {
          params: matched.params,
          query: queryAt < 0 ? {} : parse(url.slice(queryAt + 1)),
          body,
          authorization: request.headers.authorization,
          path,
          contentType,
        }),
      );
    } catch {
      return wire(errorReply(internalError()));
    }
  }

  /** Answers through Fastify's `inject` into the fake's app (built on first use), for what the direct path does not take. */
  async #inject(method: string, url: string, request: WireRequest): Promise<WireAnswer> {
    this.#app ??= createFakeTwilioApp(this.#store);
    const app = await this.#app;
    const headers = Object.fromEntries(
      Object.entries(request.headers).filter((entry): entry is [string, string] => entry[1] !== undefined),
    );
    const response = await app.inject({
      method: method as "GET",
      url,
      headers,
      ...(request.body === undefined ? {} : { payload: request.body }),
    });
    const answered: Record<string, string> = {};
    for (const [name, value] of Object.entries(response.headers))
      if (value !== undefined) answered[name] = Array.isArray(value) ? value.join(", ") : String(value);
    return { status: response.statusCode, headers: answered, body: response.body };
  }

  /** Closes the app behind `inject`, when one was built. */
  async close(): Promise<void> {
    const app = this.#app;
    this.#app = undefined;
    if (app) await (await app).close();
  }
}
