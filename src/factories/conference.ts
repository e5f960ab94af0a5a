import { CONFERENCE_STATUSES, END_REASONS, endedByCall } from "../catalogue/enums.js";
import { conferenceSubresourceUris, conferenceUri } from "../catalogue/resource-uris.js";
import type { Conference, ConferenceStatus, ReasonConferenceEnded } from "../generated/schemas.js";
import { createdAndUpdated, type DateWindows, sid } from "./_draw.js";
import { ofKind } from "./_kind.js";
import { Factory, traitPerValue } from "./factory.js";

/** Regions the spec's description lists for `region`. */
const REGIONS = ["us1", "us2", "ie1", "de1", "sg1", "br1", "au1", "jp1"] as const;

const STATUS_WEIGHTS: { value: ConferenceStatus; weight: number }[] = [
  { value: "in-progress", weight: 6 },
  { value: "completed", weight: 3 },
  { value: "init", weight: 1 },
];
const OPEN_WEIGHTS = STATUS_WEIGHTS.filter(({ value }) => value !== "completed");

/** Trait names of {@link conferenceFactory}: each status (`init`, `in-progress`, `completed`) and each end reason, which implies `completed`. */
export type ConferenceTrait = ConferenceStatus | ReasonConferenceEnded;

const traits = {
  ...traitPerValue<ConferenceStatus, Conference>(CONFERENCE_STATUSES, (status) => ({ status })),
  ...traitPerValue<ReasonConferenceEnded, Conference>(END_REASONS, (reason) => ({
    status: "completed",
    reason_conference_ended: reason,
  })),
};

/** Parameters of {@link conferenceFactory}: transient, they shape a build but are not fields. */
export interface ConferenceParams {
  /**
   * Where the dates fall, in milliseconds since the epoch, both ends included (default: created
   * 2015 to 2025, updated up to two hours later). Some creation time must fit both windows.
   */
  readonly dates?: DateWindows | undefined;
}

export type { DateWindows, TimeWindow } from "./_draw.js";

/** A conference factory; {@link ConferenceFactory.forAccount} keeps a set of conferences in one account. */
export class ConferenceFactory extends Factory<Conference, ConferenceParams, ConferenceTrait> {
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
  ...ofKind("conference"),
  validByConstruction: true,
  params: {},
  traits,
  generate: ({ draw, fixed, params }) => {
    const ids = {
      account_sid: fixed.account_sid ?? sid(draw("account_sid"), "AC"),
      sid: fixed.sid ?? sid(draw("sid"), "CF"),
    };
    // status and reason_conference_ended are partners (completed-has-reason): a fixed reason implies completed, a fixed null reason not.
    const status: ConferenceStatus =
      fixed.status ??
      (fixed.reason_conference_ended === undefined
        ? draw("status").helpers.weightedArrayElement(STATUS_WEIGHTS)
        : fixed.reason_conference_ended === null
          ? draw("status").helpers.weightedArrayElement(OPEN_WEIGHTS)
          : "completed");
    const reason =
      status === "completed"
        ? (fixed.reason_conference_ended ?? draw("reason_conference_ended").helpers.arrayElement(END_REASONS))
        : null;
    const { date_created, date_updated } = createdAndUpdated(draw, fixed, params.dates);
    const names = draw("friendly_name");
    // Every field spelled out (no spread), in Twilio's order: V8 builds a literal slowly when fields follow a spread.
    return {
      account_sid: ids.account_sid,
      sid: ids.sid,
      date_created,
      date_updated,
      api_version: "2010-04-01",
      friendly_name:
        names.helpers.maybe(() => `${names.word.adjective()}-${names.word.noun()}`, { probability: 0.9 }) ?? null,
      region: draw("region").helpers.arrayElement(REGIONS),
      status,
      uri: conferenceUri(ids),
      subresource_uris: conferenceSubresourceUris(ids),
      reason_conference_ended: reason,
      call_sid_ending_conference: endedByCall(reason)
        ? (fixed.call_sid_ending_conference ?? sid(draw("call_sid_ending_conference"), "CA"))
        : null,
    };
  },
});
