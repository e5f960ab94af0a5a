import { STREAM_STATUSES } from "../catalogue/enums.js";
import { streamUri } from "../catalogue/resource-uris.js";
import type { Stream, StreamStatus } from "../generated/schemas.js";
import { dateTime, sid } from "./_draw.js";
import { ofKind } from "./_kind.js";
import { Factory, traitPerValue } from "./factory.js";

/** Trait names of {@link streamFactory}: each stream status (`in-progress`, `stopped`). */
export type StreamTrait = StreamStatus;

/** A stream factory; {@link StreamFactory.forCall} keeps streams on one call. */
export class StreamFactory extends Factory<Stream, Record<never, never>, StreamTrait> {
  /** A factory whose streams belong to one call of one account. */
  forCall(call: { account_sid: string; call_sid: string }): this {
    return this.with({ account_sid: call.account_sid, call_sid: call.call_sid });
  }
}

/**
 * Builds media Streams in today's documented shape (strict profile): an MZ SID, `uri` built from the
 * SIDs, `in-progress` unless a trait or override says `stopped`.
 *
 * @example `streamFactory.seed(3).traits("stopped").build({ name: "recorder" })`
 */
export const streamFactory = new StreamFactory({
  ...ofKind("stream"),
  validByConstruction: true,
  params: {},
  traits: traitPerValue<StreamStatus, Stream>(STREAM_STATUSES, (status) => ({ status })),
  generate: ({ draw, fixed }) => {
    const ids = {
      account_sid: fixed.account_sid ?? sid(draw("account_sid"), "AC"),
      call_sid: fixed.call_sid ?? sid(draw("call_sid"), "CA"),
      sid: fixed.sid ?? sid(draw("sid"), "MZ"),
    };
    const names = draw("name");
    // Every field spelled out (no spread), in Twilio's order: V8 builds a literal slowly when fields follow a spread.
    return {
      account_sid: ids.account_sid,
      call_sid: ids.call_sid,
      sid: ids.sid,
      name: names.helpers.maybe(() => `${names.word.noun()}-stream`, { probability: 0.6 }) ?? null,
      status: "in-progress",
      date_updated: dateTime(draw("date_updated")),
      uri: streamUri(ids),
    };
  },
});
