import { operationPath } from "../catalogue/operations.js";
import { TestkitError } from "../errors.js";
import type { ListConferenceResponse, ListParticipantResponse, Participant, Conference } from "../generated/schemas.js";
import { pageQueryProblem } from "../validate/_page-range.js";
import { sid } from "./_draw.js";
import { envelope, pageFill, pagePosition, type PageParams, type PageQuery } from "./_envelope.js";
import { conferenceFactory, type ConferenceTrait } from "./conference.js";
import { Factory } from "./factory.js";
import { participantFactory, type ParticipantTrait } from "./participant.js";

export type { PageParams, PageQuery } from "./_envelope.js";

/** A factory of list pages, with the request they answer and the size of the whole list as parameters. */
export class PageFactory<T> extends Factory<T, PageParams, never> {
  /**
   * A factory whose pages answer this query: `PageSize` and `Page` set the envelope, filters set the
   * items (ListParticipant `Muted` / `Hold` / `Coaching`; ListConference `Status` / `FriendlyName`) and
   * appear in the URIs.
   *
   * @throws TestkitError `INVALID_OVERRIDE` for a `Page` or `PageSize` that is not a whole number
   *   (≥ 0, ≥ 1), or a `Page` so large that `(Page + 1) × PageSize` passes 2^53 − 1, as the fake
   *   Twilio refuses it
   */
  answering(query: PageQuery): this {
    const range = pageQueryProblem(query);
    if (range !== undefined)
      throw new TestkitError("INVALID_OVERRIDE", `Failed to build ${this.definition.kind}: ${range}`);
    return this.withParams({ query });
  }

  /** A factory whose pages belong to a list of `total` items, so the last page and `next_page_uri` fall where they should. */
  ofTotal(total: number): this {
    return this.withParams({ total });
  }
}

const isTrue = (value: unknown): boolean => value === true || value === "true";
const isSet = (value: unknown): boolean => value !== undefined;

function participantTraits(query: PageQuery): ParticipantTrait[] {
  return [
    ...(isTrue(query.Muted) ? (["muted"] as const) : []),
    ...(isTrue(query.Hold) ? (["on-hold"] as const) : []),
    ...(isTrue(query.Coaching) ? (["coaching"] as const) : []),
  ];
}

function participantFilters(query: PageQuery): Partial<Participant> {
  const out: Partial<Participant> = {};
  if (isSet(query.Muted)) out.muted = isTrue(query.Muted);
  if (isSet(query.Hold)) out.hold = isTrue(query.Hold);
  if (isSet(query.Coaching) && !isTrue(query.Coaching))
    Object.assign(out, { coaching: false, call_sid_to_coach: null });
  return out;
}

/**
 * Builds ListParticipant pages (strict profile): participants of one conference, an envelope whose
 * start / end / next_page_uri agree with page, page_size and the item count, items that match the
 * query's filters.
 *
 * @example `participantPageFactory.seed(1).answering({ PageSize: 20, Page: 1, Muted: true }).build()`
 */
export const participantPageFactory = new PageFactory<ListParticipantResponse>({
  kind: "participant-page",
  validByConstruction: true,
  params: { query: {} },
  traits: {},
  generate: ({ faker, fixed, params }) => {
    const position = pagePosition(fixed, params.query);
    const given = fixed.participants;
    const parent = {
      account_sid: given?.[0]?.account_sid ?? sid(faker, "AC"),
      sid: given?.[0]?.conference_sid ?? sid(faker, "CF"),
    };
    const { count, hasNext } = pageFill(faker, position, params.total, given?.length);
    const participants =
      given ??
      participantFactory
        .seed(faker.number.int())
        .forConference(parent)
        .traits(...participantTraits(params.query))
        .with(participantFilters(params.query))
        .buildList(count);
    const listPath = operationPath("ListParticipant", { AccountSid: parent.account_sid, ConferenceSid: parent.sid });
    return {
      participants,
      ...envelope({
        listPath,
        query: params.query,
        ...position,
        itemSids: participants.map((p) => p.call_sid),
        hasNext,
      }),
    };
  },
});

function conferenceFilters(query: PageQuery): { traits: ConferenceTrait[]; fixed: Partial<Conference> } {
  const status = query.Status;
  return {
    traits:
      typeof status === "string" && ["init", "in-progress", "completed"].includes(status)
        ? [status as ConferenceTrait]
        : [],
    fixed: typeof query.FriendlyName === "string" ? { friendly_name: query.FriendlyName } : {},
  };
}

/**
 * Builds ListConference pages (strict profile): conferences of one account, an envelope that agrees
 * with its page, page_size and item count, items that match the query's `Status` and `FriendlyName`.
 *
 * @example `conferencePageFactory.seed(1).answering({ Status: "completed", PageSize: 3 }).build()`
 */
export const conferencePageFactory = new PageFactory<ListConferenceResponse>({
  kind: "conference-page",
  validByConstruction: true,
  params: { query: {} },
  traits: {},
  generate: ({ faker, fixed, params }) => {
    const position = pagePosition(fixed, params.query);
    const given = fixed.conferences;
    const accountSid = given?.[0]?.account_sid ?? sid(faker, "AC");
    const { count, hasNext } = pageFill(faker, position, params.total, given?.length);
    const filters = conferenceFilters(params.query);
    const conferences =
      given ??
      conferenceFactory
        .seed(faker.number.int())
        .forAccount(accountSid)
        .traits(...filters.traits)
        .with(filters.fixed)
        .buildList(count);
    const listPath = operationPath("ListConference", { AccountSid: accountSid });
    return {
      conferences,
      ...envelope({ listPath, query: params.query, ...position, itemSids: conferences.map((c) => c.sid), hasNext }),
    };
  },
});
