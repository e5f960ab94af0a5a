// internal: a fake Twilio in a process of its own for fake-lifecycle.ts; each request starts a fresh one with the clock asked for.
import type { CreateParticipantTarget } from "./_create-participant-load.js";
import { answerRequests } from "./_process.js";

const { startFakeTwilio } = (await import(
  import.meta.resolve("twilio-testkit/fake-twilio")
)) as typeof import("../../src/fake-twilio/index.js");

let fake: Awaited<ReturnType<typeof startFakeTwilio>> | undefined;

answerRequests(async ({ clock }: { clock: "real" | "manual" }): Promise<CreateParticipantTarget> => {
  await fake?.close();
  fake = await startFakeTwilio({ seed: 1, clock, callbacks: false }); // the lifecycle alone: fake-callbacks.ts measures callbacks
  const current = fake;
  const conference = current.store.conferences(current.accountSid).find((c) => c.status === "in-progress");
  if (!conference) throw new Error("Failed to find a seeded in-progress conference");
  return {
    url: `${current.url}/2010-04-01/Accounts/${current.accountSid}/Conferences/${conference.sid}/Participants.json`,
    authorization: `Basic ${Buffer.from(`${current.accountSid}:${current.authToken}`).toString("base64")}`,
    body: new URLSearchParams({
      From: "+15017122661",
      To: "+15558675310",
      StatusCallback: "https://example.com/calls",
      StatusCallbackEvent: "answered",
    }).toString(),
  };
});
