import { TestkitError } from "../errors.js";
import { conferenceFactory } from "../factories/conference.js";
import type { Conference, Participant, Stream } from "../generated/schemas.js";
import { isSid } from "../validate/sids.js";
import { assertResource } from "../validate/validate.js";
import { FakeClock } from "./clock.js";
import { FakeTwilioEvents } from "./events.js";
import { forgetLifecycle } from "./lifecycle.js";

/** The auth token of accounts the fake creates unless told otherwise: the placeholder of Twilio's docs and of our contracts. */
export const DEFAULT_AUTH_TOKEN = "your_auth_token";

/** Options of a {@link FakeTwilioStore}. */
export interface FakeTwilioStoreOptions {
  /** Token of every account created without one (default `your_auth_token`) */
  readonly authToken?: string | undefined;
  /** Seed of the SIDs and values the fake draws (new participants, streams, implicit conferences); random when absent */
  readonly seed?: number | undefined;
  /** The clock of `date_created` / `date_updated` and of the lifecycle's scheduled work (default: a real-time {@link FakeClock}) */
  readonly clock?: FakeClock | undefined;
}

interface Account {
  authToken: string;
  readonly conferences: Map<string, Conference>;
  /** Participants by conference SID, then by call SID */
  readonly participants: Map<string, Map<string, Participant>>;
  /** In-progress calls by call SID, each with its streams by stream SID */
  readonly calls: Map<string, Map<string, Stream>>;
}

function assertSid(kind: "AccountSid" | "CallSid", value: string): void {
  if (!isSid(kind, value))
    throw new TestkitError(
      "INVALID_BODY",
      `Failed to store ${kind} ${JSON.stringify(value)}: not a ${kind} (2 letters and 32 hex digits)`,
    );
}

const strict = { profile: "strict" } as const;

/**
 * The fake Twilio's in-memory state: accounts with their auth tokens, conferences, participants,
 * in-progress calls and their media streams. Lists keep insertion order, so paging is stable; an
 * update keeps an item's place. Every `put…` checks its resource against the strict profile and
 * stores a copy; every account created implicitly gets the store's {@link FakeTwilioStore.authToken}.
 *
 * @example
 * ```ts
 * const { store } = await startFakeTwilio();
 * store.putParticipant(participantFactory.seed(1).traits("muted").build()); // adds its account and conference too
 * ```
 */
export class FakeTwilioStore {
  /** Token of accounts created without one */
  readonly authToken: string;
  /** The fake's clock: its time and the work the lifecycle scheduled */
  readonly clock: FakeClock;
  /** The fake's events, in order: the basis of status callbacks */
  readonly events = new FakeTwilioEvents();
  readonly #accounts = new Map<string, Account>();
  #seed: number;

  /**
   * What each provider-state change that failed answered (its 400 message), oldest first, the last
   * 100 only: Pact's verifier reports only "Invalid status code: 400", so a caller that started the
   * fake can show why.
   */
  readonly stateChangeFailures: string[] = [];

  /** @param options - default token, seed and clock */
  constructor(options: FakeTwilioStoreOptions = {}) {
    this.authToken = options.authToken ?? DEFAULT_AUTH_TOKEN;
    this.clock = options.clock ?? new FakeClock();
    this.#seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  }

  /** The fake's current time. */
  now(): Date {
    return this.clock.now();
  }

  /** The next seed of the store's sequence, for a factory building a new resource: reproducible under the store's seed. */
  nextSeed(): number {
    return this.#seed++;
  }

  /**
   * Creates an account, or sets the token of an existing one (what Basic auth must carry with its SID).
   *
   * @throws TestkitError `INVALID_BODY` when `accountSid` is not an AC SID
   */
  putAccount(accountSid: string, authToken: string = this.authToken): void {
    assertSid("AccountSid", accountSid);
    this.#account(accountSid).authToken = authToken;
  }

  /** The auth token of an account, or undefined for an account the store does not hold. */
  authTokenOf(accountSid: string): string | undefined {
    return this.#accounts.get(accountSid)?.authToken;
  }

  /**
   * Adds or replaces a conference (and creates its account when missing).
   *
   * @throws ValidationError (`INVALID_BODY`) when it fails the strict profile
   */
  putConference(conference: Conference): Readonly<Conference> {
    const value = { ...assertResource("conference", conference, strict) };
    this.#account(value.account_sid).conferences.set(value.sid, value);
    return value;
  }

  /** A conference by SID, or undefined. */
  conference(accountSid: string, sid: string): Readonly<Conference> | undefined {
    return this.#accounts.get(accountSid)?.conferences.get(sid);
  }

  /** The account's conferences, in insertion order. */
  conferences(accountSid: string): Readonly<Conference>[] {
    return [...(this.#accounts.get(accountSid)?.conferences.values() ?? [])];
  }

  /** Removes a conference and its participants; whether there was one. */
  removeConference(accountSid: string, sid: string): boolean {
    const account = this.#accounts.get(accountSid);
    account?.participants.delete(sid);
    return account?.conferences.delete(sid) ?? false;
  }

  /**
   * Adds or replaces a participant. A missing account is created, and a missing conference is built
   * by {@link conferenceFactory} with the participant's SIDs, `in-progress`.
   *
   * @throws ValidationError (`INVALID_BODY`) when it fails the strict profile
   */
  putParticipant(participant: Participant): Readonly<Participant> {
    const value = { ...assertResource("participant", participant, strict) };
    const account = this.#account(value.account_sid);
    if (!account.conferences.has(value.conference_sid))
      this.putConference(
        conferenceFactory
          .seed(this.nextSeed())
          .traits("in-progress")
          .build({ account_sid: value.account_sid, sid: value.conference_sid }),
      );
    const list = account.participants.get(value.conference_sid) ?? new Map<string, Participant>();
    account.participants.set(value.conference_sid, list.set(value.call_sid, value));
    return value;
  }

  /**
   * A participant by call SID or, as Twilio allows in the path, by its `label` (the latest added with it).
   */
  participant(accountSid: string, conferenceSid: string, callSidOrLabel: string): Readonly<Participant> | undefined {
    const list = this.#accounts.get(accountSid)?.participants.get(conferenceSid);
    return list?.get(callSidOrLabel) ?? [...(list?.values() ?? [])].findLast((p) => p.label === callSidOrLabel);
  }

  /** The conference's participants, in insertion order. */
  participants(accountSid: string, conferenceSid: string): Readonly<Participant>[] {
    return [...(this.#accounts.get(accountSid)?.participants.get(conferenceSid)?.values() ?? [])];
  }

  /** Removes a participant by call SID; whether there was one. */
  removeParticipant(accountSid: string, conferenceSid: string, callSid: string): boolean {
    return this.#accounts.get(accountSid)?.participants.get(conferenceSid)?.delete(callSid) ?? false;
  }

  /**
   * Adds an in-progress call (with no streams), on which CreateStream may start a stream.
   *
   * @throws TestkitError `INVALID_BODY` when a SID is malformed
   */
  putCall(accountSid: string, callSid: string): void {
    assertSid("CallSid", callSid);
    this.putAccount(accountSid, this.authTokenOf(accountSid));
    const calls = this.#account(accountSid).calls;
    if (!calls.has(callSid)) calls.set(callSid, new Map());
  }

  /** Whether the account has this in-progress call. */
  hasCall(accountSid: string, callSid: string): boolean {
    return this.#accounts.get(accountSid)?.calls.has(callSid) ?? false;
  }

  /** Removes a call and its streams; whether there was one. */
  removeCall(accountSid: string, callSid: string): boolean {
    return this.#accounts.get(accountSid)?.calls.delete(callSid) ?? false;
  }

  /**
   * Adds or replaces a stream, and puts its call in place when missing.
   *
   * @throws ValidationError (`INVALID_BODY`) when it fails the strict profile
   */
  putStream(stream: Stream): Readonly<Stream> {
    const value = { ...assertResource("stream", stream, strict) };
    this.putCall(value.account_sid, value.call_sid);
    this.#account(value.account_sid).calls.get(value.call_sid)?.set(value.sid, value);
    return value;
  }

  /** A stream on a call by SID or, as Twilio allows in the path, by its `name` (the latest started with it). */
  stream(accountSid: string, callSid: string, sidOrName: string): Readonly<Stream> | undefined {
    const streams = this.#accounts.get(accountSid)?.calls.get(callSid);
    return streams?.get(sidOrName) ?? [...(streams?.values() ?? [])].findLast((s) => s.name === sidOrName);
  }

  /** Removes a stream by SID; whether there was one. */
  removeStream(accountSid: string, callSid: string, sid: string): boolean {
    return this.#accounts.get(accountSid)?.calls.get(callSid)?.delete(sid) ?? false;
  }

  /**
   * Empties the store: no accounts, so every request is answered 401 until something is put again;
   * the lifecycle's pending steps are called off (its event log stays).
   */
  reset(): void {
    this.#accounts.clear();
    forgetLifecycle(this);
  }

  #account(accountSid: string): Account {
    let account = this.#accounts.get(accountSid);
    if (!account) {
      account = { authToken: this.authToken, conferences: new Map(), participants: new Map(), calls: new Map() };
      this.#accounts.set(accountSid, account);
    }
    return account;
  }
}
