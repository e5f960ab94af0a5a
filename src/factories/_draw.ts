// internal: the factories' randomness. Every field of a build draws from a stream of its own, keyed
// by (seed, factory name, field name, build index), so that a field's value does not depend on which
// other fields were drawn, nor on which other factory was built under the same seed. One faker (with
// English data, loaded on the first build so that importing the kit does not pay for it) serves
// every stream: its randomizer is re-keyed before each field's draws, which costs a few
// multiplications where a new seeded Faker costs tens of microseconds.
import { createRequire } from "node:module";
import type { Faker, Randomizer } from "@faker-js/faker";
import { formatRfc2822, rfc2822Millis } from "../rfc2822.js";

const GOLDEN = 0x9e3779b9 | 0;
const TWO_POW_26 = 67108864;
const TWO_POW_32 = 4294967296;
const TWO_POW_MINUS_53 = 1.1102230246251565e-16;

/** Character codes of the lowercase hex digits, by value. */
const HEX_CODES = Array.from("0123456789abcdef", (c) => c.charCodeAt(0));

/** MurmurHash3's finaliser: a bijection of 32-bit integers whose every output bit depends on every input bit. */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** FNV-1a of a string's UTF-16 code units, mixed. */
function hashText(text: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return mix(h);
}

const textHashes = new Map<string, number>();

/** {@link hashText}, remembered: factory and field names are few and drawn from again and again. */
function nameHash(text: string): number {
  let h = textHashes.get(text);
  if (h === undefined) {
    h = hashText(text);
    textHashes.set(text, h);
  }
  return h;
}

/**
 * A counter-based generator (SplitMix32 over a 64-bit key): {@link FieldStream.key} selects a stream
 * in O(1), and each stream yields the same numbers whatever was drawn from any other.
 */
export class FieldStream implements Randomizer {
  #counter = 0;
  #salt = 0;
  #codes: number[] | undefined;

  /**
   * Selects the stream of one field of one build: the same arguments always give the same numbers.
   *
   * @param seed - the factory's seed, any safe integer
   * @param factory - the factory's name, e.g. `participant`: other factories' fields draw other digits
   * @param field - the field, e.g. `call_sid`
   * @param index - the build's index in the factory (0 for the first build)
   */
  key(seed: number, factory: string, field: string, index: number): void {
    const high = Math.floor(seed / TWO_POW_32) | 0;
    let h = mix(nameHash(factory) ^ GOLDEN);
    h = mix(h ^ nameHash(field));
    h = mix(h ^ (seed | 0));
    h = mix(h ^ high);
    this.#counter = mix(h ^ index);
    this.#salt = mix(this.#counter ^ Math.floor(index / TWO_POW_32));
  }

  /** Restarts from a number, as `faker.seed()` does (the factories select streams with {@link FieldStream.key}). Bound. */
  readonly seed = (seed: number | number[]): void => {
    const key = typeof seed === "number" ? [seed] : seed;
    this.key(key[0] ?? 0, "", "", key[1] ?? 0);
  };

  /** The next number in [0, 1), with 53 random bits. Bound: faker calls it detached from the object. */
  readonly next = (): number => {
    const high = this.#nextU32() >>> 5;
    const low = this.#nextU32() >>> 6;
    return (high * TWO_POW_26 + low) * TWO_POW_MINUS_53;
  };

  /**
   * `prefix` and `length` lowercase hex digits, eight from each 32-bit output (most significant
   * nibble first): a SID's 32 digits cost four outputs. One flat string, not a concatenation, so
   * that the regular expressions that check it need not flatten it first.
   */
  hex(length: number, prefix = ""): string {
    const codes = (this.#codes ??= []);
    codes.length = prefix.length + length;
    for (let i = 0; i < prefix.length; i++) codes[i] = prefix.charCodeAt(i);
    let bits = 0;
    for (let i = 0; i < length; i++) {
      if ((i & 7) === 0) bits = this.#nextU32();
      codes[prefix.length + i] = HEX_CODES[(bits >>> (28 - 4 * (i & 7))) & 15]!;
    }
    return String.fromCharCode.apply(null, codes);
  }

  #nextU32(): number {
    this.#counter = (this.#counter + GOLDEN) | 0;
    return mix(this.#counter ^ this.#salt) >>> 0;
  }
}

const require = createRequire(import.meta.url);

let shared: { faker: Faker; stream: FieldStream } | undefined;

/** The one faker of every factory (English data, `[en, base]`), and its randomizer. */
function sharedFaker(): { faker: Faker; stream: FieldStream } {
  if (shared) return shared;
  const english = (require("@faker-js/faker/locale/en") as typeof import("@faker-js/faker/locale/en")).faker;
  const EnglishFaker = english.constructor as typeof Faker;
  const stream = new FieldStream();
  shared = { faker: new EnglishFaker({ locale: english.rawDefinitions, randomizer: stream }), stream };
  return shared;
}

/**
 * Draws for one field: a faker whose numbers come from that field's own stream. Use it at once, for
 * that field only: the next call re-keys the same faker.
 */
export type Draw = (field: string) => Faker;

/**
 * The {@link Draw} of one build.
 *
 * @param seed - the factory's seed
 * @param factory - the factory's name
 * @param index - the build's index in the factory
 */
export function drawFor(seed: number, factory: string, index: number): Draw {
  const { faker, stream } = sharedFaker();
  return (field) => {
    stream.key(seed, factory, field, index);
    return faker;
  };
}

/** `prefix` and `length` lowercase hex digits from the stream the faker was last keyed to (eight a draw). */
export function hexDigits(faker: Faker, length: number, prefix = ""): string {
  const { faker: own, stream } = sharedFaker();
  if (faker !== own) throw new Error("Failed to draw hex digits: the faker is not the factories' own");
  return stream.hex(length, prefix);
}

const sidStream = new FieldStream();

/**
 * The SIDs that a factory's builds draw for one field, drawn without building: the n-th call gives what the
 * factory's n-th build under `seed` would (`sidDrawer(s, "participant", "call_sid", "CA")` the call SIDs of
 * `participantFactory.seed(s)`), at the cost of the SID alone, with no faker.
 *
 * @param seed - the factory's seed
 * @param factory - the factory's name, e.g. `participant`
 * @param field - the SID's field, e.g. `call_sid`
 * @param prefix - the SID's two letters
 */
export function sidDrawer(seed: number, factory: string, field: string, prefix: "CA" | "CF"): () => string {
  let index = 0;
  return () => {
    sidStream.key(seed, factory, field, index++);
    return sidStream.hex(32, prefix);
  };
}

/** A SID: the prefix and 32 lowercase hex digits, as Twilio writes them. */
export const sid = (faker: Faker, prefix: "AC" | "CA" | "CF" | "MZ"): string => hexDigits(faker, 32, prefix);

/** A span of time, in milliseconds since the epoch, both ends included. */
export interface TimeWindow {
  readonly from: number;
  readonly to: number;
}

/** Where a resource's dates must fall, e.g. to answer a list's date filters. */
export interface DateWindows {
  /** Where `date_created` falls (default: 2015 to 2025) */
  readonly created?: TimeWindow | undefined;
  /** Where `date_updated` falls, either end possibly infinite (default: up to two hours after `date_created`) */
  readonly updated?: TimeWindow | undefined;
}

const DEFAULT_WINDOW: TimeWindow = { from: Date.UTC(2015, 0, 1), to: Date.UTC(2026, 0, 1) - 1000 };
const MAX_UPDATE_DELAY = 7200_000;

/** Milliseconds since the epoch of a whole second in the window (default 2015 to 2025). */
const instant = (faker: Faker, window: TimeWindow = DEFAULT_WINDOW): number =>
  faker.number.int({ min: Math.ceil(window.from / 1000), max: Math.floor(window.to / 1000) }) * 1000;

/** An instant in RFC 2822 (`+0000`) between 2015 and 2025. */
export const dateTime = (faker: Faker): string => formatRfc2822(new Date(instant(faker)));

/**
 * A creation and a later update time in RFC 2822 (`+0000`), up to two hours apart, each from its
 * own field's stream: a fixed creation time moves the update time with it, a fixed update time
 * moves the creation time only when the drawn one would be later.
 *
 * @param fixed - the dates the caller fixed, if any
 * @param windows - where the dates must fall; the caller makes sure that some creation time fits both
 */
export function createdAndUpdated(
  draw: Draw,
  fixed: { date_created?: string | null | undefined; date_updated?: string | null | undefined },
  windows: DateWindows = {},
): { date_created: string; date_updated: string } {
  const givenCreated = typeof fixed.date_created === "string" ? rfc2822Millis(fixed.date_created) : undefined;
  const givenUpdated = typeof fixed.date_updated === "string" ? rfc2822Millis(fixed.date_updated) : undefined;
  const created0 = windows.created ?? DEFAULT_WINDOW;
  const within = windows.updated;
  const drawnCreated =
    givenCreated ??
    instant(
      draw("date_created"),
      within
        ? { from: Math.max(created0.from, within.from - MAX_UPDATE_DELAY), to: Math.min(created0.to, within.to) }
        : created0,
    );
  const created = givenUpdated === undefined ? drawnCreated : Math.min(drawnCreated, givenUpdated);
  const delayed = created + draw("date_updated").number.int({ min: 0, max: MAX_UPDATE_DELAY / 1000 }) * 1000;
  const updated = givenUpdated ?? (within ? Math.min(Math.max(delayed, within.from), within.to) : delayed);
  return { date_created: formatRfc2822(new Date(created)), date_updated: formatRfc2822(new Date(updated)) };
}
