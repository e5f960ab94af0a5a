import type { V4AsynchronousMessageWithContent } from "@pact-foundation/pact/src/v4/message/types.js";
import type { JsonMap } from "@pact-foundation/pact/src/common/jsonTypes.js";
import { TestkitError } from "../../errors.js";
import { CALLBACK_EVENT_FIELDS } from "../../factories/callbacks/_by-kind.js";
import { assertCallback, type CallbackKind } from "../../validate/callbacks.js";
import type { PactV4 } from "../_pact.js";
import { derivedMatcher, type BodyTemplate } from "../matchers.js";

/**
 * The provider of callback contracts: Twilio as the sender of status callbacks. Callback contracts
 * live in pact files of their own (`<consumer>-twilio-callbacks.json`), apart from the REST API's
 * `twilio-voice-api`, as a provider is verified one way: the REST API by replaying requests, the
 * callbacks by asking the producer for each message.
 */
export const CALLBACK_PROVIDER_NAME = "twilio-callbacks";

/**
 * The provider state of each callback kind: the scenario in which Twilio sends it. Its parameters
 * are `method` (`POST` or `GET`, as the callback URL is configured) and `example`, the callback's
 * parameters in full, which the producer builds the message from.
 */
export const CALLBACK_STATES: Readonly<Record<CallbackKind, string>> = {
  "conference-status": "a conference sends status callbacks",
  "call-progress": "a participant's call sends progress callbacks",
  "recording-status": "a recording sends status callbacks",
  "stream-status": "a stream sends status callbacks",
};

/** The content type of a callback sent by POST (WEBHOOKS.md section 1). */
const FORM = "application/x-www-form-urlencoded";

/** One callback Twilio sends, as a Pact V4 asynchronous message: state, description, contents with matchers, metadata. */
export interface TwilioCallbackMessage {
  readonly kind: CallbackKind;
  /** Pact's "expects to receive" text, unique within a contract */
  readonly description: string;
  readonly state: {
    readonly name: string;
    readonly params: { readonly method: "POST" | "GET"; readonly example: Readonly<Record<string, string>> };
  };
  /** The decoded parameters the consumer relies on, with matchers derived from the callback's strict schema */
  readonly contents: { readonly [parameter: string]: BodyTemplate | string };
  /**
   * `kind` (the callback kind), `method` (`POST` or `GET`) and, for a POST, `wireContentType`
   * (`application/x-www-form-urlencoded`): how the parameters travel. Not Pact's `contentType`, which
   * names the contents' own type (JSON)
   */
  readonly metadata: Readonly<Record<string, string>>;
}

/** What the consumer says about a callback it receives. */
export interface CallbackMessageOptions {
  /** The callback's parameters in full, passing the strict schema: a callback factory's build */
  readonly example: object;
  /**
   * The parameters the consumer relies on; only these are pinned. Default: every parameter of the
   * example. The event parameter (`StatusCallbackEvent`, `CallStatus`, `RecordingStatus`,
   * `StreamEvent`) is pinned by equality, the others by matchers derived from the schema
   */
  readonly fields?: readonly string[];
  /** How the callback URL is configured: `POST` (default, a form body) or `GET` (the parameters in the query) */
  readonly method?: "POST" | "GET";
  /** Overrides the description, e.g. to tell two callbacks of one event apart */
  readonly description?: string;
}

/**
 * Describes a status callback a consumer (a webhook receiver) relies on, as a Pact V4 asynchronous
 * message: the provider state of its kind ({@link CALLBACK_STATES}) holding the method and the full
 * example; the contents, the decoded parameters (every value text), the event pinned exactly and the
 * others by matchers from the callback's strict schema (regex for SIDs, RFC 2822 and ISO 8601
 * timestamps, enums, numbers as text; a type matcher for free text); and metadata naming the kind
 * and how it travels. Add it with {@link addTwilioCallback}.
 *
 * @param kind - `conference-status`, `call-progress`, `recording-status` or `stream-status`
 * @param options - the example, the fields relied on, the method and description
 * @throws ValidationError (code `INVALID_BODY`) when `example` fails the strict schema; TestkitError
 *   `USAGE` when `fields` names a parameter the schema does not have or leaves out the event parameter
 * @example
 * ```ts
 * const joined = callbackMessage("conference-status", {
 *   example: conferenceEventFactory.seed(1).traits("participant-join").build(),
 *   fields: ["StatusCallbackEvent", "ConferenceSid", "CallSid", "Muted"],
 * });
 * ```
 */
export function callbackMessage(kind: CallbackKind, options: CallbackMessageOptions): TwilioCallbackMessage {
  // Every callback parameter is text (the generated interfaces have no index signature)
  const example = assertCallback(kind, options.example, { profile: "strict" }) as unknown as Readonly<
    Record<string, string>
  >;
  const event = CALLBACK_EVENT_FIELDS[kind];
  const fields = options.fields ?? Object.keys(example);
  if (!fields.includes(event))
    throw new TestkitError(
      "USAGE",
      `Failed to describe the ${kind} callback: fields must include ${event}, the event the message is about`,
    );
  const { body, rules } = derivedMatcher(`callbacks/strict/${kind}.json`, kind, example, fields);
  if (Object.keys(rules).length > 0)
    throw new Error(`Failed to derive matchers for ${kind}: a callback parameter is nullable`);
  const method = options.method ?? "POST";
  return {
    kind,
    description: options.description ?? `a ${kind} callback: ${example[event]}`,
    state: { name: CALLBACK_STATES[kind], params: { method, example } },
    contents: { ...body, [event]: example[event] as string },
    metadata: { kind, method, ...(method === "POST" ? { wireContentType: FORM } : {}) },
  };
}

/**
 * Adds a callback message to a consumer's PactV4 (provider {@link CALLBACK_PROVIDER_NAME}): its
 * provider state and parameters, description, JSON contents with matchers and metadata. In
 * `executeTest`, hand `message.contents.content` (the example's decoded parameters) to the handler
 * under test, e.g. as a signed request built with `signedCallbackRequest`.
 *
 * @param pact - the consumer's PactV4, whose provider is `twilio-callbacks`
 * @param message - from {@link callbackMessage}
 * @returns the message, ready for `executeTest`
 * @example
 * ```ts
 * await addTwilioCallback(pact, joined).executeTest(async (message) => {
 *   const request = signedCallbackRequest({ authToken, url, params: message.contents.content as Record<string, string> });
 *   expect((await app.inject(request)).statusCode).toBe(204);
 * });
 * ```
 */
export function addTwilioCallback(pact: PactV4, message: TwilioCallbackMessage): V4AsynchronousMessageWithContent {
  return pact
    .addAsynchronousInteraction()
    .given(message.state.name, message.state.params as unknown as JsonMap)
    .expectsToReceive(message.description, (builder) =>
      builder.withJSONContent(message.contents).withMetadata(message.metadata),
    );
}
