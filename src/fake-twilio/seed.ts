import { conferenceFactory, type ConferenceTrait } from "../factories/conference.js";
import { participantFactory } from "../factories/participant.js";
import { streamFactory } from "../factories/stream.js";
import type { Conference } from "../generated/schemas.js";
import type { FakeTwilioStore } from "./store.js";

/** The seeded conferences, by trait; the first two get participants. */
const CONFERENCES: readonly ConferenceTrait[] = [
  "in-progress",
  "in-progress",
  "init",
  "last-participant-left",
  "conference-ended-via-api",
];

/** How many `connected` participants each of the first conferences gets. */
const PARTICIPANTS = [4, 2] as const;

/**
 * Fills a store with one account to explore, all from the factories under the store's seed (the
 * same seed gives the same SIDs): two `in-progress` conferences with four and two `connected`
 * participants, an `init` one, two `completed` ones (`last-participant-left`,
 * `conference-ended-via-api`), and an `in-progress` media stream on the first participant's call.
 *
 * @returns the account's SID; its token is the store's {@link FakeTwilioStore.authToken}
 */
export function seedStore(store: FakeTwilioStore): string {
  const accountSid = conferenceFactory.seed(store.nextSeed()).build().account_sid;
  store.putAccount(accountSid);
  const conferences: Conference[] = CONFERENCES.map((trait) =>
    conferenceFactory.seed(store.nextSeed()).forAccount(accountSid).traits(trait).build(),
  );
  for (const c of conferences) store.putConference(c);
  const participants = PARTICIPANTS.flatMap((count, i) => {
    const conference = conferences[i];
    return conference
      ? participantFactory.seed(store.nextSeed()).forConference(conference).traits("connected").buildList(count)
      : [];
  });
  for (const p of participants) store.putParticipant(p);
  const [caller] = participants;
  if (caller) store.putStream(streamFactory.seed(store.nextSeed()).forCall(caller).traits("in-progress").build());
  return accountSid;
}
