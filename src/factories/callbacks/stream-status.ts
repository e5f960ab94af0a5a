import type { Stream, StreamCallbackEvent, StreamStatusCallback } from "../../generated/schemas.js";
import { sid } from "../_draw.js";
import { Factory, traitPerValue } from "../factory.js";
import { streamTimestamp } from "./_draw.js";
import { callbackChecks } from "./_definition.js";
import type { CallbackInvalidRuleName } from "./invalid.js";

/** Trait names of {@link streamStatusFactory}: one per `StreamEvent` (TW-STREAM; WEBHOOKS.md section 5). */
export type StreamStatusTrait = StreamCallbackEvent;

const EVENTS: readonly StreamCallbackEvent[] = ["stream-started", "stream-stopped", "stream-error"];

/** The stream fields the factory reads: its SIDs, and its name and status when the test has them. */
export type CallbackStream = Pick<Stream, "account_sid" | "call_sid" | "sid"> &
  Partial<Pick<Stream, "name" | "status">>;

/** Parameters of {@link streamStatusFactory}. */
export interface StreamStatusParams {
  /** The stream the callbacks are about */
  readonly stream?: CallbackStream;
}

/** A stream status callback factory whose callbacks can be about a stream a test built. */
export class StreamStatusFactory extends Factory<
  StreamStatusCallback,
  StreamStatusParams,
  StreamStatusTrait,
  CallbackInvalidRuleName
> {
  /**
   * A factory whose callbacks are about `stream`: its AccountSid, CallSid, StreamSid, and StreamName
   * (its `name`, else its SID, as TW-STREAM says the name defaults to). Without a trait, the event
   * follows the stream's `status`: `stream-started` while `in-progress`, `stream-stopped` once `stopped`.
   */
  forStream(stream: CallbackStream): this {
    return this.withParams({ stream });
  }
}

/**
 * Builds media stream status callbacks in today's documented shape (strict profile of
 * schemas/callbacks/strict/stream-status.json; TW-STREAM, WEBHOOKS.md section 5): `Timestamp` ISO 8601
 * (with or without milliseconds), `StreamName` always set, `StreamError` exactly on `stream-error`.
 *
 * @example `streamStatusFactory.seed(1).forStream(stream).traits("stream-error").build()`
 */
export const streamStatusFactory = new StreamStatusFactory({
  ...callbackChecks("stream-status"),
  validByConstruction: true,
  params: {},
  traits: traitPerValue<StreamCallbackEvent, StreamStatusCallback>(EVENTS, (event) => ({ StreamEvent: event })),
  generate: ({ draw, fixed, params: { stream } }) => {
    const byStatus = stream?.status === "stopped" ? "stream-stopped" : stream ? "stream-started" : undefined;
    const event = fixed.StreamEvent ?? byStatus ?? draw("StreamEvent").helpers.arrayElement(EVENTS);
    const streamSid = stream?.sid ?? sid(draw("StreamSid"), "MZ");
    const names = draw("StreamName");
    const built: StreamStatusCallback = {
      AccountSid: stream?.account_sid ?? sid(draw("AccountSid"), "AC"),
      CallSid: stream?.call_sid ?? sid(draw("CallSid"), "CA"),
      StreamSid: streamSid,
      StreamName: stream
        ? (stream.name ?? streamSid)
        : (names.helpers.maybe(() => `${names.word.noun()}-stream`) ?? streamSid),
      StreamEvent: event,
      Timestamp: streamTimestamp(draw("Timestamp")),
    };
    if (event === "stream-error") built.StreamError = "Stream failed: could not connect to the WebSocket server";
    return built;
  },
});
