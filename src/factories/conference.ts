import { CONFERENCE_STATUSES, END_REASONS, endedByCall } from "../catalogue/enums.js";
import { conferenceSubresourceUris, conferenceUri } from "../catalogue/resource-uris.js";
import type { Conference, ConferenceStatus, ReasonConferenceEnded } from "../generated/schemas.js";
import { createdAndUpdated, sid } from "./_draw.js";
import { Factory, traitPerValue } from "./factory.js";

/** Regions the spec's description lists for `region`. */
const REGIONS = ["us1", "us2", "ie1", "de1", "sg1", "br1", "au1", "jp1"] as const;

const STATUS_WEIGHTS: { value: ConferenceStatus; weight: number }[] = [
  { value: "in-progress", weight: 6 },
  { value: "completed", weight: 3 },
  { value: "init", weight: 1 },
];

/** Trait names of {@link conferenceFactory}: each status (`init`, `in-progress`, `completed`) and each end reason, which implies `completed`. */
export type ConferenceTrait = ConferenceStatus | ReasonConferenceEnded;

const traits = {
  ...traitPerValue<ConferenceStatus, Conference>(CONFERENCE_STATUSES, (status) => ({ status })),
  ...traitPerValue<ReasonConferenceEnded, Conference>(END_REASONS, (reason) => ({
    status: "completed",
    reason_conference_ended: reason,
  })),
};

/** A conference factory; {@link ConferenceFactory.forAccount} keeps a set of conferences in one account. */
export class ConferenceFactory extends Factory<Conference, Record<never, never>, ConferenceTrait> {
  /** A factory whose conferences belong to one account. */
  forAccount(accountSid: string): this {
    return this.with({ account_sid: accountSid });
  }
}

/**
 * Builds Conferences in today's documented shape (strict profile): a `reason_conference_ended`
 * exactly when `completed`, `call_sid_ending_conference` set for the left and kicked reasons and null
 * otherwise, `uri` and `subresource_uris` built from the SIDs, `api_version` `2010-04-01`.
 *
 * @example
 * ```ts
 * const ended = conferenceFactory.seed(7).traits("last-participant-left").build();
 * ```
 */
export const conferenceFactory = new ConferenceFactory({
  kind: "conference",
  validByConstruction: true,
  params: {},
  traits,
  generate: ({ faker, fixed }) => {
    const ids = { account_sid: fixed.account_sid ?? sid(faker, "AC"), sid: fixed.sid ?? sid(faker, "CF") };
    const status: ConferenceStatus =
      fixed.status ??
      (fixed.reason_conference_ended ? "completed" : faker.helpers.weightedArrayElement(STATUS_WEIGHTS));
    const reason =
      status === "completed" ? (fixed.reason_conference_ended ?? faker.helpers.arrayElement(END_REASONS)) : null;
    const { date_created, date_updated } = createdAndUpdated(faker, fixed.date_created);
    // Every field spelled out (no spread), in Twilio's order: V8 builds a literal slowly when fields follow a spread.
    return {
      account_sid: ids.account_sid,
      sid: ids.sid,
      date_created,
      date_updated,
      api_version: "2010-04-01",
      friendly_name:
        faker.helpers.maybe(() => `${faker.word.adjective()}-${faker.word.noun()}`, { probability: 0.9 }) ?? null,
      region: faker.helpers.arrayElement(REGIONS),
      status,
      uri: conferenceUri(ids),
      subresource_uris: conferenceSubresourceUris(ids),
      reason_conference_ended: reason,
      call_sid_ending_conference: endedByCall(reason) ? sid(faker, "CA") : null,
    };
  },
});
