import { operationPath } from "../catalogue/operations.js";
import { TestkitError } from "../errors.js";
import type { ListConferenceResponse, ListParticipantResponse } from "../generated/schemas.js";
import { pageQueryProblem } from "../validate/_page-range.js";
import { sid } from "./_draw.js";
import { envelope, pageFill, pagePosition, type PageParams, type PageQuery } from "./_envelope.js";
import { conferenceMismatch, conferenceQuery, participantMismatch, participantQueryFields } from "./_filters.js";
import { ofKind } from "./_kind.js";
import { conferenceFactory } from "./conference.js";
import { Factory, UNCHECKED_LIST } from "./factory.js";
import { participantFactory } from "./participant.js";

export type { PageParams, PageQuery } from "./_envelope.js";

/** A factory of list pages, with the request they answer and the size of the whole list as parameters. */
export class PageFactory<T> extends Factory<T, PageParams, never> {
  /**
   * A factory whose pages answer this query as the fake Twilio does: `PageSize` and `Page` set the
   * envelope, filters set the items and appear in the URIs. ListParticipant: `Muted`, `Hold`,
   * `Coaching` (true or false). ListConference: `Status`, `FriendlyName`, and the days (`YYYY-MM-DD`,
   * UTC) of `DateCreated`, `DateCreated<` (on or before), `DateCreated>` (on or after) and the same
   * three for `DateUpdated`. Items given as overrides must match the filters too.
   *
   * @example `conferencePageFactory.seed(1).answering({ "DateCreated>": "2024-01-01" }).build()` // every date_created on or after 1 January 2024
   * @throws TestkitError `INVALID_OVERRIDE` for a `Page` or `PageSize` that is not a whole number
   *   (≥ 0, ≥ 1), or a `Page` so large that `(Page + 1) × PageSize` passes 2^53 − 1, as the fake
   *   Twilio refuses it; at build time, for a date filter that is not a day, date filters no item
   *   can meet, or a given item the filters exclude
   */
  answering(query: PageQuery): this {
    const range = pageQueryProblem(query);
    if (range !== undefined)
      throw new TestkitError("INVALID_OVERRIDE", `Failed to build ${this.definition.name}: ${range}`);
    return this.withParams({ query });
  }

  /** A factory whose pages belong to a list of `total` items, so the last page and `next_page_uri` fall where they should. */
  ofTotal(total: number): this {
    return this.withParams({ total });
  }
}

/**
 * Builds ListParticipant pages (strict profile): participants of one conference, an envelope whose
 * start / end / next_page_uri agree with page, page_size and the item count, items that match the
 * query's filters.
 *
 * @example `participantPageFactory.seed(1).answering({ PageSize: 20, Page: 1, Muted: true }).build()`
 */
export const participantPageFactory = new PageFactory<ListParticipantResponse>({
  ...ofKind("participant-page"),
  validByConstruction: true,
  params: { query: {} },
  traits: {},
  generate: ({ draw, fixed, params }) => {
    const position = pagePosition(fixed, params.query);
    const given = fixed.participants;
    const mismatch = given && participantMismatch(params.query, given);
    if (mismatch) throw new TestkitError("INVALID_OVERRIDE", `Failed to build participant-page: ${mismatch}`);
    const parent = {
      account_sid: given?.[0]?.account_sid ?? sid(draw("account_sid"), "AC"),
      sid: given?.[0]?.conference_sid ?? sid(draw("conference_sid"), "CF"),
    };
    const { count, hasNext } = pageFill(draw("total"), position, params.total, given?.length);
    // The items are not checked one by one: the page's check covers them.
    const participants =
      given ??
      participantFactory
        .seed(draw("participants").number.int())
        .forConference(parent)
        .with(participantQueryFields(params.query))
        [UNCHECKED_LIST](count);
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

/**
 * Builds ListConference pages (strict profile): conferences of one account, an envelope that agrees
 * with its page, page_size and item count, items that match the query's `Status` and `FriendlyName`.
 *
 * @example `conferencePageFactory.seed(1).answering({ Status: "completed", PageSize: 3 }).build()`
 */
export const conferencePageFactory = new PageFactory<ListConferenceResponse>({
  ...ofKind("conference-page"),
  validByConstruction: true,
  params: { query: {} },
  traits: {},
  generate: ({ draw, fixed, params }) => {
    const position = pagePosition(fixed, params.query);
    const given = fixed.conferences;
    const mismatch = given && conferenceMismatch(params.query, given);
    if (mismatch) throw new TestkitError("INVALID_OVERRIDE", `Failed to build conference-page: ${mismatch}`);
    const accountSid = given?.[0]?.account_sid ?? sid(draw("account_sid"), "AC");
    const { count, hasNext } = pageFill(draw("total"), position, params.total, given?.length);
    const filters = conferenceQuery(params.query);
    // The items are not checked one by one: the page's check covers them.
    const conferences =
      given ??
      conferenceFactory
        .seed(draw("conferences").number.int())
        .forAccount(accountSid)
        .with(filters.fixed)
        .withParams({ dates: filters.dates })
        [UNCHECKED_LIST](count);
    const listPath = operationPath("ListConference", { AccountSid: accountSid });
    return {
      conferences,
      ...envelope({ listPath, query: params.query, ...position, itemSids: conferences.map((c) => c.sid), hasNext }),
    };
  },
});
