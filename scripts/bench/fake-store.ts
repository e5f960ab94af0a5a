// The fake Twilio's paging index under bulk work: 100,000 participants put into one conference in
// random date order cost about what they cost in date order (each put a binary search and a move
// within one chunk, not a move of the whole list's tail).
import { performance } from "node:perf_hooks";
import { loadKit } from "./_kit.js";
import type { Row } from "./_kit.js";
import { interleaved } from "./_measure.js";

const COUNT = 100_000;
const TARGET_RATIO = 1.5;

/**
 * In this process, interleaved, `RUNS` times: a fresh `FakeTwilioStore` (seed 1) and its conference,
 * then `putParticipant` of 100,000 participants built beforehand by
 * `participantFactory.seed(100_000).forConference(conference).traits("connected")` (dates drawn at
 * random within the conference's life), in the order built, against the same participants sorted by
 * `date_created` (each then the newest so far); the time of the puts only. A put also checks the
 * participant against the strict profile and freezes a copy, which both orders pay alike.
 */
export async function benchFakeStore(): Promise<Row[]> {
  const { conferenceFactory, participantFactory } = await loadKit();
  const { FakeTwilioStore } = (await import(
    import.meta.resolve("twilio-testkit/fake-twilio")
  )) as typeof import("../../src/fake-twilio/index.js");
  const conference = conferenceFactory.seed(COUNT).traits("in-progress").build();
  const people = participantFactory.seed(COUNT).forConference(conference).traits("connected");
  const random = Array.from({ length: COUNT }, () => people.build());
  const dated = random
    .map((p) => ({ p, at: Date.parse(p.date_created ?? "") }))
    .sort((a, b) => a.at - b.at)
    .map(({ p }) => p);
  const putAll = (participants: typeof random) => {
    const store = new FakeTwilioStore({ seed: 1 });
    store.putConference(conference);
    const start = performance.now();
    for (const p of participants) store.putParticipant(p);
    const ms = performance.now() - start;
    if (store.participantCount(conference.account_sid, conference.sid) !== COUNT)
      throw new Error(`Failed to put participants: the store holds a count other than ${COUNT}`);
    return ms;
  };
  const m = await interleaved({ random: () => putAll(random), dated: () => putAll(dated) });
  const ratio = m.random / m.dated;
  return [
    {
      measure: "fake Twilio: 100,000 participants put in random date order (store.putParticipant)",
      kit: `${(m.random / 1000).toFixed(2)} s`,
      baseline: `in date order ${(m.dated / 1000).toFixed(2)} s`,
      figure: `${ratio.toFixed(2)}×`,
      target: `≤ ${TARGET_RATIO}×`,
      pass: ratio <= TARGET_RATIO,
    },
  ];
}
