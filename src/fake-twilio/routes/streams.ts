import { streamFactory } from "../../factories/stream.js";
import type { CreateStreamBody } from "../../generated/schemas.js";
import { formatRfc2822 } from "../../rfc2822.js";
import { touched } from "../dates.js";
import { notFound } from "../errors.js";
import { callIsLive, streamStarted, streamStopped } from "../lifecycle.js";
import { fail, type OperationHandlers } from "./context.js";

/**
 * The two stream operations (OPERATIONS.md): CreateStream starts an `in-progress` stream with a new
 * MZ SID and the given `Name` (null without one) on an in-progress call of the store or a connected
 * participant's call (else 404), emitting `stream-started`;
 * UpdateStream (`Status=stopped`, the only value the spec allows) stops the stream, addressed by
 * SID or by name, emitting `stream-stopped` when it was running.
 */
export const streamHandlers: OperationHandlers<"CreateStream" | "UpdateStream"> = {
  CreateStream: ({ store, path, body, resourcePath }) => {
    const call = { account_sid: path.AccountSid ?? "", call_sid: path.CallSid ?? "" };
    if (!callIsLive(store, call.account_sid, call.call_sid)) return fail(notFound(resourcePath));
    const form = body as CreateStreamBody;
    const stream = streamFactory
      .seed(store.nextSeed())
      .forCall(call)
      .build({
        name: form.Name ?? null,
        status: "in-progress",
        date_updated: formatRfc2822(store.now()),
      });
    const started = store.putStream(stream);
    streamStarted(store, started, form);
    return { body: started };
  },

  UpdateStream: ({ store, path, resourcePath }) => {
    const stream = store.stream(path.AccountSid ?? "", path.CallSid ?? "", path.Sid ?? "");
    if (!stream) return fail(notFound(resourcePath));
    const stopped = store.putStream({ ...stream, status: "stopped", date_updated: touched(store.now(), stream) });
    streamStopped(store, stream, stopped);
    return { body: stopped };
  },
};
