// internal: a fake Twilio holding a small (1,000) and a large (100,000) conference, in a process of its own; see fake-world.ts.
import { answerRequests } from "./_process.js";

/** What the bench sends requests to: paths of the fake's lists, a participant, and the Basic credential. */
export interface WorldTarget {
  readonly url: string;
  readonly authorization: string;
  /** ListParticipant of each conference, by its size: page 0 and pages after a PageToken in the middle of the list */
  readonly lists: Readonly<Record<"small" | "large", readonly string[]>>;
  /** CreateParticipant on a conference of its own, so that the lists measured keep their size */
  readonly create: string;
  /** FetchParticipant of one participant of the small conference */
  readonly fetch: string;
}

const SIZES = { small: 1_000, large: 100_000 } as const;
const PAGE_SIZE = 50;

const { startFakeTwilio } = (await import(
  import.meta.resolve("twilio-testkit/fake-twilio")
)) as typeof import("../../src/fake-twilio/index.js");
const { conferenceFactory, participantFactory } = (await import(
  import.meta.resolve("twilio-testkit")
)) as typeof import("../../src/index.js");

const fake = await startFakeTwilio({ seed: 1 });
const base = `/2010-04-01/Accounts/${fake.accountSid}/Conferences`;
const lists = {} as Record<keyof typeof SIZES, string[]>;
let fetchPath = "";
for (const [name, size] of Object.entries(SIZES) as [keyof typeof SIZES, number][]) {
  const conference = fake.store.putConference(
    conferenceFactory.seed(size).forAccount(fake.accountSid).traits("in-progress").build(),
  );
  const people = participantFactory.seed(size).forConference(conference).traits("connected");
  for (let i = 0; i < size; i++) fake.store.putParticipant(people.build());
  const order = fake.store.participants(fake.accountSid, conference.sid);
  const list = `${base}/${conference.sid}/Participants.json`;
  // Page 0, and ten pages after PageTokens spread over the list (as next_page_uri carries them).
  lists[name] = [
    `${list}?PageSize=${PAGE_SIZE}`,
    ...Array.from({ length: 10 }, (_, k) => {
      const at = Math.floor(((k + 1) * size) / 12);
      return `${list}?PageSize=${PAGE_SIZE}&Page=1&PageToken=PA${order[at]?.call_sid}`;
    }),
  ];
  if (name === "small") fetchPath = `${base}/${conference.sid}/Participants/${order[0]?.call_sid}.json`;
}

const joined = fake.store.putConference(
  conferenceFactory.seed(3).forAccount(fake.accountSid).traits("in-progress").build(),
);
const createPath = `${base}/${joined.sid}/Participants.json`;

const target: WorldTarget = {
  url: fake.url,
  authorization: `Basic ${Buffer.from(`${fake.accountSid}:${fake.authToken}`).toString("base64")}`,
  lists,
  create: createPath,
  fetch: fetchPath,
};

answerRequests(() => target);
