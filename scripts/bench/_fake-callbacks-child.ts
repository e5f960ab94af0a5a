// internal: a fake Twilio in a process of its own for fake-callbacks.ts. Each request starts a fresh one:
// `load` for CreateParticipant under load (callbacks on or off), `deliver` to time a burst of callbacks.
import type { CreateParticipantTarget } from "./_create-participant-load.js";
import { answerRequests } from "./_process.js";

/** A timed burst of deliveries: how many were delivered (2xx), how many failed, in how many milliseconds, with how much of this process's CPU. */
export interface DeliveryRun {
  readonly delivered: number;
  readonly failed: number;
  readonly ms: number;
  /** CPU time (user and system) of the fake's process over the burst, microseconds */
  readonly cpuMicros: number;
}

export type CallbacksRequest =
  | { readonly kind: "load"; readonly callbacks: boolean; readonly receiver: string }
  | { readonly kind: "deliver"; readonly count: number; readonly receiver: string };

const { startFakeTwilio } = (await import(
  import.meta.resolve("twilio-testkit/fake-twilio")
)) as typeof import("../../src/fake-twilio/index.js");

let fake: Awaited<ReturnType<typeof startFakeTwilio>> | undefined;

answerRequests(async (request: CallbacksRequest): Promise<CreateParticipantTarget | DeliveryRun> => {
  await fake?.close();
  if (request.kind === "load") {
    fake = await startFakeTwilio({ seed: 1, callbacks: request.callbacks });
    const conference = fake.store.conferences(fake.accountSid).find((c) => c.status === "in-progress");
    if (!conference) throw new Error("Failed to find a seeded in-progress conference");
    const body = new URLSearchParams({
      From: "+15017122661",
      To: "+15558675310",
      StatusCallback: `${request.receiver}/calls`,
      ConferenceStatusCallback: `${request.receiver}/conference`,
    });
    for (const event of ["initiated", "ringing", "answered", "completed"]) body.append("StatusCallbackEvent", event);
    body.append("ConferenceStatusCallbackEvent", "join");
    return {
      url: `${fake.url}/2010-04-01/Accounts/${fake.accountSid}/Conferences/${conference.sid}/Participants.json`,
      authorization: `Basic ${Buffer.from(`${fake.accountSid}:${fake.authToken}`).toString("base64")}`,
      body: body.toString(),
    };
  }
  fake = await startFakeTwilio({ seed: 1, clock: "manual" });
  const current = fake;
  const conference = current.store.conferences(current.accountSid).find((c) => c.status === "in-progress");
  const participant = conference && current.store.participants(current.accountSid, conference.sid)[0];
  if (!conference || !participant) throw new Error("Failed to find a seeded in-progress conference with a participant");
  const callbacks = {
    ConferenceStatusCallback: `${request.receiver}/conference`,
    ConferenceStatusCallbackEvent: ["mute"],
  };
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < request.count; i++) {
    const muted = { ...participant, muted: i % 2 === 0 };
    current.events.emit({
      type: muted.muted ? "participant-mute" : "participant-unmute",
      accountSid: current.accountSid,
      time: current.clock.now(),
      conference,
      participant: muted,
      callbacks,
    });
  }
  await current.callbacks.settled();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const states = current.callbacks.list().map((d) => d.state);
  return {
    delivered: states.filter((s) => s === "delivered").length,
    failed: states.filter((s) => s !== "delivered").length,
    ms,
    cpuMicros: used.user + used.system,
  };
});
