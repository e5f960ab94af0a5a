// internal: the fake Twilio in a process of its own, so that the load generator does not share its event loop; see fake-twilio.ts.
import { answerRequests } from "./_process.js";

/** Where to send ListParticipant: the URL of the seeded account's first conference's participants, and its Basic credential. */
export interface ListParticipantTarget {
  readonly url: string;
  readonly authorization: string;
}

const { startFakeTwilio } = (await import(
  import.meta.resolve("twilio-testkit/fake-twilio")
)) as typeof import("../../src/fake-twilio/index.js");
const fake = await startFakeTwilio({ seed: 1 });
const conference = fake.store
  .conferences(fake.accountSid)
  .find((c) => fake.store.participants(fake.accountSid, c.sid).length > 0);
if (!conference) throw new Error("Failed to find a seeded conference with participants");
const target: ListParticipantTarget = {
  url: `${fake.url}/2010-04-01/Accounts/${fake.accountSid}/Conferences/${conference.sid}/Participants.json`,
  authorization: `Basic ${Buffer.from(`${fake.accountSid}:${fake.authToken}`).toString("base64")}`,
};

answerRequests(() => target);
