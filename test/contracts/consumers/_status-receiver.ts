// An example webhook receiver (the code under test of status-receiver.test.ts): a conference app's
// callback endpoints, which check X-Twilio-Signature and keep each participant's call and mute state.
import formbody from "@fastify/formbody";
import Fastify, { type FastifyInstance } from "fastify";
import { validateTwilioSignature } from "../../../src/signature/index.js";

/** What the receiver knows: by CallSid, whether the participant is muted, and the call's last status. */
export interface ReceiverState {
  readonly muted: Map<string, boolean>;
  readonly calls: Map<string, string>;
}

/**
 * The receiver: `POST /conference-events` (ConferenceStatusCallback) and `POST /call-status`
 * (StatusCallback), each answering 204, or 403 when the signature is not Twilio's.
 *
 * @param publicUrl - what the callback URLs start with, as Twilio requests them (before any proxy)
 */
export async function statusReceiver(
  authToken: string,
  publicUrl: string,
): Promise<{ app: FastifyInstance; state: ReceiverState }> {
  const state: ReceiverState = { muted: new Map(), calls: new Map() };
  const app = Fastify();
  await app.register(formbody);
  const signed = (request: { url: string; headers: Record<string, unknown>; body: unknown }) =>
    validateTwilioSignature({
      authToken,
      signature: request.headers["x-twilio-signature"] as string | undefined,
      url: publicUrl + request.url,
      params: request.body as Record<string, string>,
    }).ok;
  app.post("/conference-events", async (request, reply) => {
    if (!signed(request)) return reply.code(403).send();
    const { StatusCallbackEvent: event, CallSid, Muted } = request.body as Record<string, string | undefined>;
    if (CallSid && event === "participant-leave") state.muted.delete(CallSid);
    else if (CallSid && Muted) state.muted.set(CallSid, Muted === "true");
    return reply.code(204).send();
  });
  app.post("/call-status", async (request, reply) => {
    if (!signed(request)) return reply.code(403).send();
    const { CallSid, CallStatus } = request.body as Record<string, string | undefined>;
    if (CallSid && CallStatus) state.calls.set(CallSid, CallStatus);
    return reply.code(204).send();
  });
  return { app, state };
}
