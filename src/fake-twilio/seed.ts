import { conferenceFactory, type ConferenceTrait } from "../factories/conference.js";
import { participantFactory } from "../factories/participant.js";
import { streamFactory } from "../factories/stream.js";
import type { Conference, Participant } from "../generated/schemas.js";
import { formatRfc2822, parseRfc2822 } from "../rfc2822.js";
import type { FakeTwilioStore } from "./store.js";

/** The seeded conferences, oldest first, by trait; the in-progress ones get participants. */
const CONFERENCES: readonly ConferenceTrait[] = [
  "conference-ended-via-api",
  "last-participant-left",
  "in-progress",
  "in-progress",
  "init",
];

/** How many `connected` participants each seeded conference gets, in the order of {@link CONFERENCES}. */
const PARTICIPANTS = [0, 0, 4, 2, 0] as const;

const MINUTE = 60_000;
/** Time between the starts of two seeded conferences */
const CONFERENCE_GAP = 60 * MINUTE;
/** How long a completed seeded conference lasted */
const CONFERENCE_LENGTH = 40 * MINUTE;
/** Time between two participants joining a seeded conference (the first joins this long after its start) */
const JOIN_GAP = 2 * MINUTE;
/** How long a seeded participant took from being created to being connected (its `date_updated`) */
const CONNECT_TIME = 15_000;

const at = (ms: number): string => formatRfc2822(new Date(ms));

/**
 * Fills a store with one account to explore, all from the factories under the store's seed (the
 * same seed gives the same world), coherent in time: five conferences started an hour apart (the
 * first at a date the seed draws), oldest first a `completed` one ended through the API, a
 * `completed` one its last participant left (each with its reason and `call_sid_ending_conference`,
 * ended 40 minutes after it started), two `in-progress` ones with four and two `connected`
 * participants, who joined two minutes apart after the start and connected 15 s later (the
 * conference's `date_updated` is its last participant's), and an `init` one; plus an `in-progress`
 * media stream on the first participant's call. Every `date_updated` ≥ its `date_created`.
 *
 * @returns the account's SID; its token is the store's {@link FakeTwilioStore.authToken}
 */
export function seedStore(store: FakeTwilioStore): string {
  const origin = conferenceFactory.seed(store.nextSeed()).build();
  const accountSid = origin.account_sid;
  const start = Math.floor((parseRfc2822(origin.date_created ?? "")?.getTime() ?? 0) / 1000) * 1000;
  store.putAccount(accountSid);
  const participants: Participant[] = [];
  CONFERENCES.forEach((trait, i) => {
    const created = start + i * CONFERENCE_GAP;
    const joined = Array.from({ length: PARTICIPANTS[i] ?? 0 }, (_, j) => created + (j + 1) * JOIN_GAP);
    const lastChange = (joined.at(-1) ?? created) + (joined.length > 0 ? CONNECT_TIME : 0);
    const ended = trait === "in-progress" || trait === "init" ? lastChange : created + CONFERENCE_LENGTH;
    const conference: Conference = conferenceFactory
      .seed(store.nextSeed())
      .forAccount(accountSid)
      .traits(trait)
      .build({ date_created: at(created), date_updated: at(ended) });
    store.putConference(conference);
    const people = participantFactory.seed(store.nextSeed()).forConference(conference).traits("connected");
    for (const join of joined)
      participants.push(
        store.putParticipant(people.build({ date_created: at(join), date_updated: at(join + CONNECT_TIME) })),
      );
  });
  const [caller] = participants;
  if (caller)
    store.putStream(
      streamFactory
        .seed(store.nextSeed())
        .forCall(caller)
        .traits("in-progress")
        .build({ date_updated: caller.date_updated }),
    );
  return accountSid;
}
