import { streamFactory } from "../../factories/stream.js";
import type { CreateStreamBody } from "../../generated/schemas.js";
import { formatRfc2822 } from "../../rfc2822.js";
import { touched } from "../dates.js";
import { notFound } from "../errors.js";
import { fail, type OperationHandlers } from "./context.js";

/**
 * The two stream operations (OPERATIONS.md): CreateStream starts an `in-progress` stream with a new
 * MZ SID and the given `Name` (null without one) on an in-progress call of the store (else 404);
 * UpdateStream (`Status=stopped`, the only value the spec allows) stops the stream, addressed by
 * SID or by name.
 */
export const streamHandlers: OperationHandlers<"CreateStream" | "UpdateStream"> = {
  CreateStream: ({ store, path, body, resourcePath }) => {
    const call = { account_sid: path.AccountSid ?? "", call_sid: path.CallSid ?? "" };
    if (!store.hasCall(call.account_sid, call.call_sid)) return fail(notFound(resourcePath));
    const stream = streamFactory
      .seed(store.nextSeed())
      .forCall(call)
      .build({
        name: (body as CreateStreamBody).Name ?? null,
        status: "in-progress",
        date_updated: formatRfc2822(store.now()),
      });
    return { body: store.putStream(stream) };
  },

  UpdateStream: ({ store, path, resourcePath }) => {
    const stream = store.stream(path.AccountSid ?? "", path.CallSid ?? "", path.Sid ?? "");
    if (!stream) return fail(notFound(resourcePath));
    return { body: store.putStream({ ...stream, status: "stopped", date_updated: touched(store.now(), stream) }) };
  },
};
