import { conferenceWith, participantWith } from "../catalogue/resource-uris.js";
import { PROVIDER_STATES, type ProviderStateName } from "../catalogue/provider-states.js";
import { TestkitError } from "../errors.js";
import { conferenceFactory } from "../factories/conference.js";
import { participantFactory } from "../factories/participant.js";
import { streamFactory } from "../factories/stream.js";
import type { Conference, Participant, Stream } from "../generated/schemas.js";
import { isSid } from "../validate/sids.js";
import { assertResource } from "../validate/validate.js";
import type { FakeTwilioStore } from "./store.js";

/** A provider state's parameters as a contract carries them: the path SIDs and, for most states, `example`. */
export type ProviderStateParams = Readonly<Record<string, unknown>>;

/**
 * Puts in place what a provider state promises. Examples are checked against the strict profile.
 *
 * @throws TestkitError `USAGE` for a missing or non-text path parameter; ValidationError (`INVALID_BODY`) for an invalid example
 */
export type ProviderStateHandler = (store: FakeTwilioStore, params: ProviderStateParams) => void;

function text(params: ProviderStateParams, name: string): string {
  const value = params[name];
  if (typeof value !== "string")
    throw new TestkitError(
      "USAGE",
      `Failed to read provider state parameter ${name}: expected text, got ${JSON.stringify(value) ?? "nothing"}`,
    );
  return value;
}

const strict = { profile: "strict" } as const;

/** The state's `AccountSid`, (re)created with the store's token so that the contracts' credentials pass. */
function account(store: FakeTwilioStore, params: ProviderStateParams): string {
  const accountSid = text(params, "AccountSid");
  store.putAccount(accountSid);
  return accountSid;
}

/** Makes the conference `sid` open (`in-progress`), keeping one the store holds unless it has ended. */
function openConference(store: FakeTwilioStore, accountSid: string, fields: Partial<Conference>): Readonly<Conference> {
  const held = fields.sid === undefined ? undefined : store.conference(accountSid, fields.sid);
  if (held && held.status !== "completed") return held;
  return store.putConference(
    conferenceFactory
      .seed(store.nextSeed())
      .traits("in-progress")
      .build({ ...fields, account_sid: accountSid }),
  );
}

/**
 * Most items an example page may have before it (its `start`), each a copy the fake builds (drawing
 * its new SID from the store's seeded factory), checks and holds: page 10 of Twilio's largest pages
 * (1,000 items). Without a bound, one
 * contract's `start` (up to 2^53 − 1 by the page rules) would stall the fake or exhaust its memory.
 */
const MAX_ITEMS_BEFORE_PAGE = 10_000;

/**
 * A page's items in place for a request of that page: copies of its first item before it (`start` of them), and one copy of its last after it when it has a next page.
 *
 * @throws TestkitError `USAGE` for a page that starts past {@link MAX_ITEMS_BEFORE_PAGE}
 */
function pageItems<T>(
  items: readonly T[],
  page: { readonly start: number; readonly next_page_uri: string | null },
  copy: (item: T) => T,
): T[] {
  const [first, last] = [items[0], items.at(-1)];
  if (first === undefined || last === undefined) return [];
  if (page.start > MAX_ITEMS_BEFORE_PAGE)
    throw new TestkitError(
      "USAGE",
      `Failed to put the example page in place: it starts at item ${page.start}, and the fake puts at most ${MAX_ITEMS_BEFORE_PAGE} items before a page`,
    );
  return [
    ...Array.from({ length: page.start }, () => copy(first)),
    ...items,
    ...(page.next_page_uri === null ? [] : [copy(last)]),
  ];
}

/** The same participant on another call: same fields (so the same filters match it), a new CA SID and its `uri`. */
const copyParticipant = (store: FakeTwilioStore, p: Participant): Participant =>
  participantWith(p, { call_sid: store.draws.callSid() });

/** The same conference with a new CF SID and the URIs built from it. */
const copyConference = (store: FakeTwilioStore, c: Conference): Conference =>
  conferenceWith(c, { sid: store.draws.conference.build().sid });

/** `the resource does not exist`: removes what the path SIDs name, keeping the account so that its credentials still pass. */
function removeAtPath(store: FakeTwilioStore, params: ProviderStateParams): void {
  const accountSid = account(store, params);
  const [conferenceSid, callSid, sid] = ["ConferenceSid", "CallSid", "Sid"].map((name) =>
    params[name] === undefined ? undefined : text(params, name),
  );
  if (callSid !== undefined && conferenceSid !== undefined) {
    const participant = store.participant(accountSid, conferenceSid, callSid);
    if (participant) store.removeParticipant(accountSid, conferenceSid, participant.call_sid);
  } else if (callSid !== undefined && sid !== undefined) {
    const stream = store.stream(accountSid, callSid, sid);
    if (stream) store.removeStream(accountSid, callSid, stream.sid);
  } else if (callSid !== undefined) store.removeCall(accountSid, callSid);
  else if (conferenceSid !== undefined || sid !== undefined)
    store.removeConference(accountSid, conferenceSid ?? sid ?? "");
  else for (const c of store.conferences(accountSid)) store.removeConference(accountSid, c.sid);
}

/**
 * A handler for every provider state of our contracts ({@link PROVIDER_STATES}), for the Pact
 * verifier. Each (re)creates the account of `AccountSid` with the store's auth token, then puts in
 * place exactly what the state promises:
 *
 * - `a conference exists`: `example` the conference (stored as given), or the participant to be
 *   created in it (its conference, `in-progress`); without one, an `in-progress` conference with the
 *   path's SID or, for a friendly name in `{ConferenceSid}`, with that name.
 * - `a participant is in a conference`: `example` the participant (addressed by call SID or label);
 *   without one, a `connected` participant with the path's call SID or label.
 * - `a conference has participants` / `an account has conferences`: `example` the page; the list
 *   becomes exactly its items, after `start` copies of its first item and before one copy of its
 *   last when it has a next page, listed in that order whatever their dates, so that the request for
 *   that page, with `Page` or `PageToken`, answers those items with that envelope (a page that
 *   starts past item 10,000 is refused).
 * - `a call is in progress`: the call `CallSid`.
 * - `a stream is running on a call`: `example` the stream, `in-progress`, addressed by SID or name.
 * - `the resource does not exist`: removes what the path SIDs name (for an account alone, its conferences).
 * - `the credentials are wrong`: gives the account another token, so the example credential fails with 401.
 */
export const PROVIDER_STATE_HANDLERS: Readonly<Record<ProviderStateName, ProviderStateHandler>> = {
  [PROVIDER_STATES.conferenceExists]: (store, params) => {
    const accountSid = account(store, params);
    const { example } = params;
    const participant =
      typeof example === "object" && example !== null && "conference_sid" in example
        ? assertResource("participant", example, strict)
        : undefined;
    if (example !== undefined && participant === undefined) {
      store.putConference(example as Conference);
      return;
    }
    const key = params.ConferenceSid === undefined ? text(params, "Sid") : text(params, "ConferenceSid");
    const sid = participant?.conference_sid ?? (isSid("ConferenceSid", key) ? key : undefined);
    openConference(store, accountSid, {
      ...(sid === undefined ? {} : { sid }),
      ...(isSid("ConferenceSid", key) ? {} : { friendly_name: key }),
    });
  },

  [PROVIDER_STATES.participantExists]: (store, params) => {
    const accountSid = account(store, params);
    const [conferenceSid, callSid] = [text(params, "ConferenceSid"), text(params, "CallSid")];
    const example = params.example === undefined ? undefined : assertResource("participant", params.example, strict);
    const conference = openConference(store, accountSid, { sid: example?.conference_sid ?? conferenceSid });
    const address = isSid("CallSid", callSid) ? { call_sid: callSid } : { label: callSid };
    store.putParticipant(
      example ?? participantFactory.seed(store.nextSeed()).forConference(conference).traits("connected").build(address),
    );
  },

  [PROVIDER_STATES.conferenceHasParticipants]: (store, params) => {
    const accountSid = account(store, params);
    const conference = openConference(store, accountSid, { sid: text(params, "ConferenceSid") });
    for (const p of store.participants(accountSid, conference.sid))
      store.removeParticipant(accountSid, conference.sid, p.call_sid);
    const page = params.example === undefined ? undefined : assertResource("participant-page", params.example, strict);
    if (!page) {
      for (const p of participantFactory
        .seed(store.nextSeed())
        .forConference(conference)
        .traits("connected")
        .buildList(3))
        store.putParticipant(p);
      return;
    }
    const items = pageItems(page.participants, page, (p) => copyParticipant(store, p));
    items.forEach((p, i) => void store.putParticipant(p, items.length - i));
  },

  [PROVIDER_STATES.accountHasConferences]: (store, params) => {
    const accountSid = account(store, params);
    for (const c of store.conferences(accountSid)) store.removeConference(accountSid, c.sid);
    const page = params.example === undefined ? undefined : assertResource("conference-page", params.example, strict);
    if (!page) {
      for (const c of conferenceFactory.seed(store.nextSeed()).forAccount(accountSid).buildList(3))
        store.putConference(c);
      return;
    }
    const items = pageItems(page.conferences, page, (c) => copyConference(store, c));
    items.forEach((c, i) => void store.putConference(c, items.length - i));
  },

  [PROVIDER_STATES.callInProgress]: (store, params) => {
    const accountSid = account(store, params);
    store.putCall(accountSid, text(params, "CallSid"));
  },

  [PROVIDER_STATES.streamExists]: (store, params) => {
    const accountSid = account(store, params);
    const [callSid, sid] = [text(params, "CallSid"), text(params, "Sid")];
    const address = isSid("StreamSid", sid) ? { sid } : { name: sid };
    const stream =
      (params.example as Stream | undefined) ??
      streamFactory.seed(store.nextSeed()).forCall({ account_sid: accountSid, call_sid: callSid }).build(address);
    store.putStream({ ...stream, status: "in-progress" });
  },

  [PROVIDER_STATES.resourceMissing]: removeAtPath,

  [PROVIDER_STATES.wrongCredentials]: (store, params) => {
    store.putAccount(text(params, "AccountSid"), `${store.authToken}-rotated`);
  },
};
