import { PARTICIPANT_STATUSES } from "../catalogue/enums.js";
import { participantUri } from "../catalogue/resource-uris.js";
import type { Conference, Participant, ParticipantStatus } from "../generated/schemas.js";
import { createdAndUpdated, sid } from "./_draw.js";
import { ofKind } from "./_kind.js";
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
  ...ofKind("participant"),
  validByConstruction: true,
  params: {},
  traits: {
    muted: () => ({ muted: true }),
    "on-hold": () => ({ hold: true }),
    coaching: () => ({ coaching: true }),
    ...traitPerValue<ParticipantStatus, Participant>(PARTICIPANT_STATUSES, (status) => ({ status })),
  },
  generate: ({ draw, fixed }) => {
    const account_sid = fixed.account_sid ?? sid(draw("account_sid"), "AC");
    const conference_sid = fixed.conference_sid ?? sid(draw("conference_sid"), "CF");
    const call_sid = fixed.call_sid ?? sid(draw("call_sid"), "CA");
    // coaching and call_sid_to_coach are partners (coaching-has-target): either one fixed sets the other.
    const coaching = fixed.coaching ?? typeof fixed.call_sid_to_coach === "string";
    const call_sid_to_coach = coaching ? (fixed.call_sid_to_coach ?? sid(draw("call_sid_to_coach"), "CA")) : null;
    const labels = draw("label");
    const label = labels.helpers.maybe(() => labels.helpers.arrayElement(LABELS), { probability: 0.5 }) ?? null;
    const { date_created, date_updated } = createdAndUpdated(draw, fixed);
    const queueTimes = draw("queue_time");
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
      end_conference_on_exit: draw("end_conference_on_exit").datatype.boolean({ probability: 0.2 }),
      muted: draw("muted").datatype.boolean({ probability: 0.2 }),
      hold: draw("hold").datatype.boolean({ probability: 0.1 }),
      start_conference_on_enter: draw("start_conference_on_enter").datatype.boolean({ probability: 0.9 }),
      status: draw("status").helpers.weightedArrayElement(STATUS_WEIGHTS),
      queue_time:
        queueTimes.helpers.maybe(() => String(queueTimes.number.int({ min: 0, max: 60_000 })), { probability: 0.3 }) ??
        null,
      uri: participantUri({ account_sid, conference_sid, call_sid }),
    };
  },
});
