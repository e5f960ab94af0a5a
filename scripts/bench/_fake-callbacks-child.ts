// internal: a fake Twilio in a process of its own for fake-callbacks.ts. Each request starts a fresh one:
// `load` for CreateParticipant under load (callbacks on or off), `deliver` to time a burst of callbacks;
// `bare` times the same number of plain node:http POSTs, the floor of a delivery's cost.
import { Agent, request as httpRequest } from "node:http";
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
  | { readonly kind: "deliver" | "bare"; readonly count: number; readonly receiver: string };

/** A conference's participant-mute callback as the fake sends it (its form body), for the bare POSTs. */
const MUTE_BODY = new URLSearchParams({
  ConferenceSid: `CF${"0".repeat(32)}`,
  FriendlyName: "standup",
  AccountSid: `AC${"1".repeat(32)}`,
  SequenceNumber: "12",
  Timestamp: "Mon, 30 Nov 2026 10:41:55 +0000",
  StatusCallbackEvent: "participant-mute",
  CallSid: `CA${"2".repeat(32)}`,
  Muted: "true",
  Hold: "false",
  Coaching: "false",
  EndConferenceOnExit: "false",
  StartConferenceOnEnter: "true",
}).toString();

/** `count` POSTs of {@link MUTE_BODY} with node:http over one keep-alive connection, one at a time, as the fake sends to one receiver. */
async function bareBurst(count: number, receiver: string): Promise<DeliveryRun> {
  const agent = new Agent({ keepAlive: true });
  const { hostname, port } = new URL(receiver);
  const headers = {
    "content-type": "application/x-www-form-urlencoded",
    "content-length": String(Buffer.byteLength(MUTE_BODY)),
    "x-twilio-signature": "0".repeat(28),
    "user-agent": "TwilioProxy/1.1",
  };
  const post = () =>
    new Promise<number>((resolve, reject) => {
      const sent = httpRequest({ hostname, port, path: "/conference", method: "POST", headers, agent }, (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
      });
      sent.on("error", reject);
      sent.end(MUTE_BODY);
    });
  const cpu = process.cpuUsage();
  const start = performance.now();
  let delivered = 0;
  for (let i = 0; i < count; i++) if ((await post()) === 204) delivered++;
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  agent.destroy();
  return { delivered, failed: count - delivered, ms, cpuMicros: used.user + used.system };
}

const { startFakeTwilio } = (await import(
  import.meta.resolve("twilio-testkit/fake-twilio")
)) as typeof import("../../src/fake-twilio/index.js");

let fake: Awaited<ReturnType<typeof startFakeTwilio>> | undefined;

answerRequests(async (request: CallbacksRequest): Promise<CreateParticipantTarget | DeliveryRun> => {
  await fake?.close();
  fake = undefined;
  if (request.kind === "bare") return bareBurst(request.count, request.receiver);
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
