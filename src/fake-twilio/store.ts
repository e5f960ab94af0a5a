import { held as frozen } from "./_json-text.js";
import { TestkitError } from "../errors.js";
import { conferenceFactory } from "../factories/conference.js";
import { sidDrawer } from "../factories/_draw.js";
import type { Conference, Participant, ParticipantStatus, Stream } from "../generated/schemas.js";
import { rfc2822Millis } from "../rfc2822.js";
import { isSid } from "../validate/sids.js";
import { assertResource } from "../validate/validate.js";
import { FakeClock } from "./clock.js";
import { touched } from "./dates.js";
import { FakeTwilioEvents } from "./events.js";
import { forgetLifecycle, stateOf } from "./_lifecycle-state.js";
import { LabelIndex } from "./_label-index.js";
import { OrderedList, replaceInSlot, type Slot } from "./_ordered-list.js";

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

/** A conference's participants in Twilio's order, and the call SIDs that carry each label. */
interface Roster {
  readonly list: OrderedList<Participant>;
  readonly labels: LabelIndex;
}

interface Account {
  authToken: string;
  readonly conferences: OrderedList<Conference>;
  /** Participants by conference SID */
  readonly participants: Map<string, Roster>;
  /** In-progress calls by call SID, each with its streams by stream SID (undefined until its first stream) */
  readonly calls: Map<string, Map<string, Stream> | undefined>;
}

/** What {@link FakeTwilioStore.reset} goes back to: every account as it was, and the seed sequence's place. */
interface Snapshot {
  readonly seed: number;
  readonly accounts: readonly {
    readonly sid: string;
    readonly authToken: string;
    readonly conferences: readonly { readonly item: Conference; readonly time: number }[];
    readonly participants: readonly { readonly item: Participant; readonly time: number }[];
    readonly calls: readonly (readonly [string, readonly Stream[]])[];
  }[];
}

/** `date_created` in ms, the list order's key (0 without a date). */
const createdAt = (resource: { readonly date_created?: string | null }): number =>
  (resource.date_created ? rfc2822Millis(resource.date_created) : undefined) ?? 0;

/** A seed of its own for each of a store's factories, apart from the store's sequence of seeds (seed, seed + 1, …). */
const salted = (seed: number, salt: bigint): number =>
  Number((BigInt(seed) * 2_654_435_761n + salt) % BigInt(Number.MAX_SAFE_INTEGER));

/**
 * What a store draws new resources from, each seeded once: the call SIDs of new participants (those of
 * `participantFactory`'s builds, without building the rest) and the conference factory.
 */
const drawsFrom = (seed: number) => ({
  callSid: sidDrawer(salted(seed, 1n), "participant", "call_sid", "CA"),
  conference: conferenceFactory.seed(salted(seed, 2n)),
});

function assertSid(kind: "AccountSid" | "CallSid", value: string): void {
  if (!isSid(kind, value))
    throw new TestkitError(
      "INVALID_BODY",
      `Failed to store ${kind} ${JSON.stringify(value)}: not a ${kind} (2 letters and 32 hex digits)`,
    );
}

const strict = { profile: "strict" } as const;

/**
 * A participant with a new `status` and `date_updated`, field by field in Twilio's order: a lifecycle step makes three
 * of these per participant, and a literal costs a quarter of the time of a spread of the frozen participant, and
 * holds 144 bytes where the spread's copy holds 168.
 */
const withStatus = (p: Readonly<Participant>, status: ParticipantStatus, dateUpdated: string): Participant => ({
  account_sid: p.account_sid,
  conference_sid: p.conference_sid,
  call_sid: p.call_sid,
  label: p.label,
  call_sid_to_coach: p.call_sid_to_coach,
  coaching: p.coaching,
  date_created: p.date_created,
  date_updated: dateUpdated,
  end_conference_on_exit: p.end_conference_on_exit,
  muted: p.muted,
  hold: p.hold,
  start_conference_on_enter: p.start_conference_on_enter,
  status,
  queue_time: p.queue_time,
  uri: p.uri,
});

/** The participant moved on to `status` at `at` (its `date_updated` never before its own, see `touched`), frozen. */
const movedOn = (p: Readonly<Participant>, status: ParticipantStatus, at: Date): Readonly<Participant> =>
  Object.freeze(withStatus(p, status, touched(at, p)));

/**
 * The fake Twilio's in-memory state: accounts with their auth tokens, conferences, participants,
 * in-progress calls and their media streams. Conference and participant lists are kept in Twilio's
 * order, newest `date_created` first (of one second, the one added later first), with a place for every SID ever
 * stored, so that pages cost in proportion to their size and page tokens survive deletions; an update
 * keeps an item's place. Every `put…` checks its resource against the strict profile and stores a
 * frozen copy (what the store returns cannot be changed in place: put a changed copy; a value frozen throughout is held as it is); every account created implicitly gets the store's {@link FakeTwilioStore.authToken}.
 *
 * @example
 * ```ts
 * const { store } = await startFakeTwilio();
 * store.putParticipant(participantFactory.seed(1).traits("muted").build()); // adds its account and conference too
 * store.reset(); // back to the seeded world
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
  readonly #firstSeed: number;
  #draws: ReturnType<typeof drawsFrom>;
  #snapshot: Snapshot;
  readonly #resetListeners = new Set<() => void>();

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
    this.#firstSeed = this.#seed;
    this.#draws = drawsFrom(this.#seed);
    this.#snapshot = { seed: this.#seed, accounts: [] };
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
   * What the fake draws the resources it creates from, seeded once from the store's seed, so that they are
   * reproducible under it: `callSid()` for CreateParticipant's call, `conference` for a conference started by name.
   * `reset()` starts them over. Build from `conference` directly: `traits()` or `with()` would return a new factory
   * that starts from the seed again.
   *
   * @internal the routes' and provider states' draws, not part of the published types
   */
  get draws(): Readonly<ReturnType<typeof drawsFrom>> {
    return this.#draws;
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
   * @param place - its place in the list's order, in ms like `date_created` (the default): a provider
   *   state answering an example page uses it to keep the page's own order
   * @throws ValidationError (`INVALID_BODY`) when it fails the strict profile
   */
  putConference(conference: Conference, place?: number): Readonly<Conference> {
    const value = frozen(assertResource("conference", conference, strict));
    this.#account(value.account_sid).conferences.set(value.sid, place ?? createdAt(value), value);
    return value;
  }

  /** A conference by SID, or undefined. */
  conference(accountSid: string, sid: string): Readonly<Conference> | undefined {
    return this.#accounts.get(accountSid)?.conferences.get(sid);
  }

  /** The account's conferences, in Twilio's order (newest `date_created` first). */
  conferences(accountSid: string): Readonly<Conference>[] {
    return this.#accounts.get(accountSid)?.conferences.values() ?? [];
  }

  /**
   * The account's conferences as the ordered list ListConference pages through (empty for an unknown account).
   *
   * @internal the routes' paging index, not part of the published types
   */
  conferenceList(accountSid: string): OrderedList<Readonly<Conference>> {
    return this.#accounts.get(accountSid)?.conferences ?? new OrderedList();
  }

  /** Removes a conference and its participants; whether there was one. */
  removeConference(accountSid: string, sid: string): boolean {
    const account = this.#accounts.get(accountSid);
    account?.participants.get(sid)?.list.clear(); // its participants' slots are empty from now on
    account?.participants.delete(sid);
    return account?.conferences.delete(sid) ?? false;
  }

  /**
   * Adds or replaces a participant. A missing account is created, and a missing conference is built
   * by {@link conferenceFactory} with the participant's SIDs, `in-progress`.
   *
   * @param place - its place in the list's order, in ms like `date_created` (the default), as for {@link putConference}
   * @throws ValidationError (`INVALID_BODY`) when it fails the strict profile
   */
  putParticipant(participant: Participant, place?: number): Readonly<Participant> {
    const value = frozen(assertResource("participant", participant, strict));
    this.#holdParticipant(value, place);
    return value;
  }

  /**
   * Adds the participant CreateParticipant built from a request already checked against its schema, without checking
   * it against the strict profile again (test/property/created-participant.property.test.ts shows that every such
   * participant passes it; the check cost a tenth of a create).
   *
   * @returns its place in the conference's list, where the lifecycle reads and moves it on without a lookup by SID
   * @internal CreateParticipant's, not part of the published types
   */
  addCreatedParticipant(participant: Readonly<Participant>): Slot<Readonly<Participant>> {
    const value = frozen(participant);
    const roster = this.#accounts.get(value.account_sid)?.participants.get(value.conference_sid);
    const slot = roster?.list.add(value.call_sid, createdAt(value), value);
    if (roster === undefined || slot === undefined)
      // A conference's first participant, or a call SID it holds already: as putParticipant holds it (just put there,
      // so the slot holds it).
      return this.#holdParticipant(value).list.slot(value.call_sid) as Slot<Readonly<Participant>>;
    if (value.label !== null) roster.labels.add(value.label, value.call_sid);
    return slot;
  }

  /** Puts a participant in its conference's roster (building a missing conference), and returns that roster. */
  #holdParticipant(value: Readonly<Participant>, place?: number): Roster {
    const account = this.#account(value.account_sid);
    if (!account.conferences.get(value.conference_sid))
      this.putConference(
        conferenceFactory
          .seed(this.nextSeed())
          .traits("in-progress")
          .build({ account_sid: value.account_sid, sid: value.conference_sid }),
      );
    const roster = this.#roster(account, value.conference_sid);
    const held = roster.list.set(value.call_sid, place ?? createdAt(value), value);
    if (held?.label !== value.label) {
      if (held) unlabel(roster, held);
      if (value.label !== null) roster.labels.add(value.label, value.call_sid);
    }
    return roster;
  }

  /**
   * Moves a participant on, as the lifecycle does: `status`, and `date_updated` at the clock's time (never before its
   * own `date_updated`, see `touched`). The participant the store holds under its call SID in its conference is
   * replaced (when it holds one), keeping its place in the list. Not checked against the strict profile again, as each
   * lifecycle step would otherwise cost a validation: the participant was checked when it was put, no strict rule on a
   * participant reads `status` (a value of the schema's enum, by its type), and the dates stay in order
   * (test/fake-twilio/store-move.test.ts).
   *
   * @param participant - as the store returned it
   * @param status - the new status
   * @param at - when it moves (default: the clock's time now)
   * @returns the moved participant, frozen
   */
  moveParticipant(
    participant: Readonly<Participant>,
    status: ParticipantStatus,
    at: Date = this.now(),
  ): Readonly<Participant> {
    const moved = movedOn(participant, status, at);
    this.#accounts.get(moved.account_sid)?.participants.get(moved.conference_sid)?.list.replace(moved.call_sid, moved);
    return moved;
  }

  /**
   * {@link moveParticipant} for the lifecycle, which keeps its participant's slot (from {@link addCreatedParticipant}):
   * the moved participant replaces it there, without a lookup, when the slot holds exactly `participant`; else as
   * {@link moveParticipant} replaces it.
   *
   * @internal the lifecycle's, not part of the published types
   */
  moveParticipantInSlot(
    slot: Slot<Readonly<Participant>>,
    participant: Readonly<Participant>,
    status: ParticipantStatus,
    at: Date,
  ): Readonly<Participant> {
    if (slot.item !== participant) return this.moveParticipant(participant, status, at);
    const moved = movedOn(participant, status, at);
    replaceInSlot(slot, moved);
    return moved;
  }

  /**
   * A participant by call SID or, as Twilio allows in the path, by its `label` (the latest added with it).
   */
  participant(accountSid: string, conferenceSid: string, callSidOrLabel: string): Readonly<Participant> | undefined {
    const roster = this.#accounts.get(accountSid)?.participants.get(conferenceSid);
    const bySid = roster?.list.get(callSidOrLabel);
    if (bySid || !roster) return bySid;
    const byLabel = roster.labels.latest(callSidOrLabel);
    return byLabel === undefined ? undefined : roster.list.get(byLabel);
  }

  /** The conference's participants, in Twilio's order (newest `date_created` first). */
  participants(accountSid: string, conferenceSid: string): Readonly<Participant>[] {
    return this.#accounts.get(accountSid)?.participants.get(conferenceSid)?.list.values() ?? [];
  }

  /** How many participants the conference has (0 for one the store does not hold). */
  participantCount(accountSid: string, conferenceSid: string): number {
    return this.#accounts.get(accountSid)?.participants.get(conferenceSid)?.list.size ?? 0;
  }

  /**
   * The conference's participants as the ordered list ListParticipant pages through (empty for a conference without any).
   *
   * @internal the routes' paging index, not part of the published types
   */
  participantList(accountSid: string, conferenceSid: string): OrderedList<Readonly<Participant>> {
    const account = this.#accounts.get(accountSid);
    return account ? this.#roster(account, conferenceSid).list : new OrderedList();
  }

  /** Removes a participant by call SID; whether there was one. */
  removeParticipant(accountSid: string, conferenceSid: string, callSid: string): boolean {
    const roster = this.#accounts.get(accountSid)?.participants.get(conferenceSid);
    const held = roster?.list.get(callSid);
    if (!roster || !held) return false;
    unlabel(roster, held);
    return roster.list.delete(callSid);
  }

  /**
   * Adds an in-progress call (with no streams), on which CreateStream may start a stream.
   *
   * @throws TestkitError `INVALID_BODY` when a SID is malformed
   */
  putCall(accountSid: string, callSid: string): void {
    if (this.#accounts.get(accountSid)?.calls.has(callSid)) return;
    assertSid("CallSid", callSid);
    assertSid("AccountSid", accountSid);
    this.#account(accountSid).calls.set(callSid, undefined);
  }

  /**
   * Whether the account has this in-progress call: one put in place ({@link putCall}, {@link putStream}), or the call
   * of a participant CreateParticipant added, while it is `connected`.
   */
  hasCall(accountSid: string, callSid: string): boolean {
    const account = this.#accounts.get(accountSid);
    if (account?.calls.has(callSid)) return true;
    const record = stateOf(this).calls.get(accountSid, callSid);
    return (
      record !== undefined && account?.participants.get(record.conferenceSid)?.list.get(callSid)?.status === "connected"
    );
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
    const value = frozen(assertResource("stream", stream, strict));
    this.putCall(value.account_sid, value.call_sid);
    const calls = this.#account(value.account_sid).calls;
    const streams = calls.get(value.call_sid) ?? new Map<string, Stream>();
    calls.set(value.call_sid, streams.set(value.sid, value));
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
   * Makes what the store holds now (and where its seed sequence is) the world {@link reset} goes back
   * to. `startFakeTwilio()` calls it once it has seeded the store.
   */
  keepAsSeeded(): void {
    this.#snapshot = {
      seed: this.#seed,
      accounts: [...this.#accounts].map(([sid, account]) => ({
        sid,
        authToken: account.authToken,
        conferences: account.conferences.placed(),
        participants: [...account.participants.values()].flatMap((roster) => roster.list.placed()),
        calls: [...account.calls].map(([callSid, streams]) => [callSid, [...(streams?.values() ?? [])]] as const),
      })),
    };
  }

  /**
   * Goes back to exactly the world of the last {@link keepAsSeeded} (for a started fake: the seeded
   * account, with its token), and restarts the seed sequence there, so that the SIDs drawn after a
   * reset are those drawn after the start. An empty store without one. The lifecycle's pending steps
   * are called off (its event log stays), and then every {@link onReset} listener is called.
   */
  reset(): void {
    for (const account of this.#accounts.values())
      for (const roster of account.participants.values()) roster.list.clear();
    this.#accounts.clear();
    forgetLifecycle(this);
    this.#seed = this.#snapshot.seed;
    this.#draws = drawsFrom(this.#firstSeed);
    for (const held of this.#snapshot.accounts) {
      const account = this.#account(held.sid);
      account.authToken = held.authToken;
      for (const { item, time } of held.conferences) account.conferences.set(item.sid, time, item);
      for (const { item, time } of held.participants) this.putParticipant(item, time);
      for (const [callSid, streams] of held.calls)
        account.calls.set(callSid, streams.length === 0 ? undefined : new Map(streams.map((s) => [s.sid, s])));
    }
    for (const listener of this.#resetListeners) listener();
  }

  /**
   * Calls `listener` after each {@link reset}, once the seeded world is back: what keeps history of
   * the world beside the store (the status callbacks' `SequenceNumber` counters) starts over there.
   *
   * @returns a function that unsubscribes it
   */
  onReset(listener: () => void): () => void {
    this.#resetListeners.add(listener);
    return () => {
      this.#resetListeners.delete(listener);
    };
  }

  #account(accountSid: string): Account {
    let account = this.#accounts.get(accountSid);
    if (!account) {
      account = {
        authToken: this.authToken,
        conferences: new OrderedList(),
        participants: new Map(),
        calls: new Map(),
      };
      this.#accounts.set(accountSid, account);
    }
    return account;
  }

  #roster(account: Account, conferenceSid: string): Roster {
    let roster = account.participants.get(conferenceSid);
    if (!roster) {
      roster = { list: new OrderedList(), labels: new LabelIndex() };
      account.participants.set(conferenceSid, roster);
    }
    return roster;
  }
}

/** Takes a participant's call SID out of its label's list. */
function unlabel(roster: Roster, participant: Readonly<Participant>): void {
  if (participant.label === null) return;
  roster.labels.remove(participant.label, participant.call_sid);
}
