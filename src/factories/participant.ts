import { PARTICIPANT_STATUSES } from "../catalogue/enums.js";
import { participantUri } from "../catalogue/resource-uris.js";
import type { Conference, Participant, ParticipantStatus } from "../generated/schemas.js";
import { createdAndUpdated, sid } from "./_draw.js";
import { Factory, traitPerValue } from "./factory.js";

const LABELS = ["customer", "agent", "supervisor", "caller", "host"] as const;
const STATUS_WEIGHTS = PARTICIPANT_STATUSES.map((value) => ({ value, weight: value === "connected" ? 10 : 1 }));

/** Trait names of {@link participantFactory}: `muted`, `on-hold`, `coaching`, and each participant status (`queued` … `failed`). */
export type ParticipantTrait = "muted" | "on-hold" | "coaching" | ParticipantStatus;

/** A participant factory with the relations Twilio keeps: participants of one conference share its account_sid and conference_sid. */
export class ParticipantFactory extends Factory<Participant, Record<never, never>, ParticipantTrait> {
  /** A factory whose participants belong to `conference` (its account_sid and sid). */
  forConference(conference: Pick<Conference, "account_sid" | "sid">): this {
    return this.with({ account_sid: conference.account_sid, conference_sid: conference.sid });
  }
}

/**
 * Builds conference Participants in today's documented shape (strict profile): SIDs with their
 * prefixes, RFC 2822 dates with `date_updated` ≥ `date_created`, `uri` built from the SIDs,
 * `queue_time` a digit string (milliseconds) or null, `call_sid_to_coach` set exactly when coaching.
 *
 * @example
 * ```ts
 * const p = participantFactory.seed(1).traits("muted").build({ label: "customer" });
 * ```
 */
export const participantFactory = new ParticipantFactory({
  kind: "participant",
  validByConstruction: true,
  params: {},
  traits: {
    muted: () => ({ muted: true }),
    "on-hold": () => ({ hold: true }),
    coaching: (faker) => ({ coaching: true, call_sid_to_coach: sid(faker, "CA") }),
    ...traitPerValue<ParticipantStatus, Participant>(PARTICIPANT_STATUSES, (status) => ({ status })),
  },
  generate: ({ faker, fixed }) => {
    const account_sid = fixed.account_sid ?? sid(faker, "AC");
    const conference_sid = fixed.conference_sid ?? sid(faker, "CF");
    const call_sid = fixed.call_sid ?? sid(faker, "CA");
    const coaching = fixed.coaching ?? false;
    const label = faker.helpers.maybe(() => faker.helpers.arrayElement(LABELS), { probability: 0.5 }) ?? null;
    const call_sid_to_coach = coaching ? sid(faker, "CA") : null;
    const { date_created, date_updated } = createdAndUpdated(faker, fixed.date_created);
    // Every field spelled out (no spread), in Twilio's order: V8 builds a literal slowly when fields follow a spread.
    return {
      account_sid,
      conference_sid,
      call_sid,
      label,
      call_sid_to_coach,
      coaching,
      date_created,
      date_updated,
      end_conference_on_exit: faker.datatype.boolean({ probability: 0.2 }),
      muted: faker.datatype.boolean({ probability: 0.2 }),
      hold: faker.datatype.boolean({ probability: 0.1 }),
      start_conference_on_enter: faker.datatype.boolean({ probability: 0.9 }),
      status: faker.helpers.weightedArrayElement(STATUS_WEIGHTS),
      queue_time:
        faker.helpers.maybe(() => String(faker.number.int({ min: 0, max: 60_000 })), { probability: 0.3 }) ?? null,
      uri: participantUri({ account_sid, conference_sid, call_sid }),
    };
  },
});
