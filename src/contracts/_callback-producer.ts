// internal: the kit's callback producer for `contracts verify`: given a message interaction's provider
// states, the fake Twilio's `CallbackProducer` builds the callback and signs its request (as the fake
// does for its events), and this answers the Pact Verifier as pact-js's message provider does.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { TestkitError } from "../errors.js";
import { CallbackProducer } from "../factories/callbacks/produce.js";
import type { CallbackKind } from "../validate/callbacks.js";
import { CALLBACK_STATES } from "./interactions/callbacks.js";

/** A callback as the Verifier compares it: the decoded parameters, and the metadata of how they travel. */
export interface ProducedMessage {
  readonly contents: Readonly<Record<string, string>>;
  readonly metadata: Readonly<Record<string, string>>;
}

const KIND_OF_STATE = new Map(Object.entries(CALLBACK_STATES).map(([kind, state]) => [state, kind as CallbackKind]));

/** The receiver's URL and token the producer signs with: neither reaches the message, only what the receiver decodes. */
const RECEIVER_URL = "https://receiver.invalid/callbacks";
const SIGNING_TOKEN = "twilio-testkit-producer";

const isTextRecord = (value: unknown): value is Record<string, string> =>
  typeof value === "object" &&
  value !== null &&
  !Array.isArray(value) &&
  Object.values(value).every((v) => typeof v === "string");

/** The producer of every message: `callbackOf` keeps no state between callbacks. */
let producer: CallbackProducer | undefined;

/**
 * Builds the callback a message interaction describes, as the fake Twilio sends it: the kit's
 * `CallbackProducer` makes the callback of the state's kind from the state's `example` (exactly its
 * parameters, which must pass the strict schema) and its signed request (form body for POST, query
 * for GET); the contents are what a receiver decodes from it; the metadata says the kind, method and
 * body's content type.
 *
 * @param states - the interaction's provider states; one must be a callback state ({@link CALLBACK_STATES})
 * @throws TestkitError `USAGE` without a callback state, or with an `example` that is not a record of
 *   text or a `method` other than POST or GET; `INVALID_BODY` for an example the strict schema refuses
 */
export function produceCallback(
  states: ReadonlyArray<{ readonly name?: unknown; readonly params?: unknown }>,
): ProducedMessage {
  const state = states.find((s) => typeof s.name === "string" && KIND_OF_STATE.has(s.name));
  if (!state)
    throw new TestkitError(
      "USAGE",
      `Failed to produce a callback: no provider state is one of ${[...KIND_OF_STATE.keys()].map((n) => JSON.stringify(n)).join(", ")}`,
    );
  const kind = KIND_OF_STATE.get(state.name as string) as CallbackKind;
  const { example, method = "POST" } = (state.params ?? {}) as { example?: unknown; method?: unknown };
  if (!isTextRecord(example))
    throw new TestkitError(
      "USAGE",
      `Failed to produce a ${kind} callback: the state's example must be a record of text`,
    );
  if (method !== "POST" && method !== "GET")
    throw new TestkitError("USAGE", `Failed to produce a ${kind} callback: the state's method must be POST or GET`);
  producer ??= new CallbackProducer(0);
  const callback = producer.callbackOf(kind, example, { url: RECEIVER_URL, method });
  const request = producer.requestFor(callback, SIGNING_TOKEN);
  const received = new URLSearchParams(request.body ?? new URL(request.url).search);
  const contentType = request.headers["content-type"];
  return {
    contents: Object.fromEntries(received),
    metadata: { kind, method: request.method, ...(contentType ? { wireContentType: contentType } : {}) },
  };
}

/** Most bytes of a Verifier request read: a description and provider states, far below this. */
const MAX_REQUEST_BYTES = 1024 * 1024;

async function requestJson(request: IncomingMessage): Promise<unknown> {
  let text = "";
  for await (const chunk of request) {
    text += String(chunk);
    if (text.length > MAX_REQUEST_BYTES)
      throw new TestkitError("USAGE", "Failed to read the Verifier's request: too large");
  }
  return JSON.parse(text);
}

/** A running producer: its URL, why the messages it could not produce failed, and how to stop it. */
export interface RunningCallbackProducer {
  /** e.g. `http://127.0.0.1:41234` */
  readonly url: string;
  /** One line per message it could not produce, for the verification's error */
  readonly failures: readonly string[];
  readonly close: () => Promise<void>;
}

/**
 * Starts the producer the Pact Verifier asks for messages: on 127.0.0.1 at an ephemeral port, every
 * POST (`{ description, providerStates }`, as pact-js's message provider reads it) answered with the
 * message contents as JSON and its metadata in `Pact-Message-Metadata` (base64 JSON), or 500 with
 * the reason. It does not keep the process alive; `close()` stops it.
 */
export async function startCallbackProducer(): Promise<RunningCallbackProducer> {
  const failures: string[] = [];
  const answer = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    try {
      const asked = (await requestJson(request)) as { providerStates?: unknown } | null;
      const states = Array.isArray(asked?.providerStates) ? asked.providerStates : [];
      const { contents, metadata } = produceCallback(states);
      response
        .writeHead(200, {
          "content-type": "application/json; charset=utf-8",
          "pact-message-metadata": Buffer.from(JSON.stringify(metadata)).toString("base64"),
        })
        .end(JSON.stringify(contents));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      failures.push(reason.replace(/\s*\n\s*/g, " "));
      response.writeHead(500, { "content-type": "text/plain; charset=utf-8" }).end(reason);
    }
  };
  const server = createServer((request, response) => void answer(request, response));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  server.unref();
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    failures,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
