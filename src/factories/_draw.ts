// internal: the factories' randomness. Faker is loaded on the first build, so that importing the kit
// does not pay for it, from its English entry (not the one that loads every locale), with a
// randomizer that draws exactly the numbers faker's default one draws for the same seed (the
// Mersenne Twister MT19937, on a typed array: several times faster); and random values in
// Twilio's shapes, drawn from a factory's seeded faker (SIDs' hex digits straight from the randomizer, eight a draw).
import { createRequire } from "node:module";
import type { Faker, Randomizer } from "@faker-js/faker";
import { formatRfc2822, rfc2822Millis } from "../rfc2822.js";

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df | 0;
const UPPER_MASK = 0x80000000 | 0;
const LOWER_MASK = 0x7fffffff;
const TWO_POW_26 = 67108864;
const TWO_POW_MINUS_53 = 1.1102230246251565e-16;

/** Character codes of the lowercase hex digits, by value. */
const HEX_CODES = Array.from("0123456789abcdef", (c) => c.charCodeAt(0));

function initGenrand(mt: Int32Array, seed: number): void {
  mt[0] = seed;
  for (let i = 1; i < N; i++) {
    const prev = mt[i - 1]!;
    mt[i] = Math.imul(1812433253, prev ^ (prev >>> 30)) + i;
  }
}

function initByArray(mt: Int32Array, key: readonly number[]): void {
  initGenrand(mt, 19650218);
  let i = 1;
  let j = 0;
  for (let k = Math.max(N, key.length); k > 0; k--) {
    const prev = mt[i - 1]!;
    mt[i] = (mt[i]! ^ Math.imul(prev ^ (prev >>> 30), 1664525)) + key[j]! + j;
    i++;
    j++;
    if (i >= N) {
      mt[0] = mt[N - 1]!;
      i = 1;
    }
    if (j >= key.length) j = 0;
  }
  for (let k = N - 1; k > 0; k--) {
    const prev = mt[i - 1]!;
    mt[i] = (mt[i]! ^ Math.imul(prev ^ (prev >>> 30), 1566083941)) - i;
    i++;
    if (i >= N) {
      mt[0] = mt[N - 1]!;
      i = 1;
    }
  }
  mt[0] = UPPER_MASK;
}

function twist(mt: Int32Array): void {
  let k = 0;
  for (; k < N - M; k++) {
    const y = (mt[k]! & UPPER_MASK) | (mt[k + 1]! & LOWER_MASK);
    mt[k] = mt[k + M]! ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
  }
  for (; k < N - 1; k++) {
    const y = (mt[k]! & UPPER_MASK) | (mt[k + 1]! & LOWER_MASK);
    mt[k] = mt[k + M - N]! ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
  }
  const y = (mt[N - 1]! & UPPER_MASK) | (mt[0]! & LOWER_MASK);
  mt[N - 1] = mt[M - 1]! ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
}

/**
 * A randomizer for `new Faker({ randomizer })` that yields exactly what faker's default one
 * (`generateMersenne53Randomizer`) yields for the same seed.
 */
export class Mersenne implements Randomizer {
  readonly #mt = new Int32Array(N);
  #index = 0;
  #codes: number[] | undefined;

  /** @param seed - as for `faker.seed()` */
  constructor(seed: number | number[]) {
    this.seed(seed);
  }

  /** Restarts the sequence, as `faker.seed()` does. Bound, like {@link Mersenne.next}. */
  readonly seed = (seed: number | number[]): void => {
    if (typeof seed === "number") initGenrand(this.#mt, seed);
    else initByArray(this.#mt, seed);
    twist(this.#mt);
    this.#index = 0;
  };

  /** The next number in [0, 1), with 53 random bits. Bound: faker calls it detached from the object. */
  readonly next = (): number => {
    const high = this.#nextU32() >>> 5;
    const low = this.#nextU32() >>> 6;
    return (high * TWO_POW_26 + low) * TWO_POW_MINUS_53;
  };

  /**
   * `prefix` and `length` lowercase hex digits, eight from each 32-bit output of the generator (most
   * significant nibble first): a SID's 32 digits cost four draws, where `faker.string.hexadecimal`
   * spends two per digit. One flat string, not a concatenation, so that the regular expressions that
   * check it need not flatten it first.
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
    const mt = this.#mt;
    let y = mt[this.#index]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    if (++this.#index >= N) {
      twist(mt);
      this.#index = 0;
    }
    return y >>> 0;
  }
}

const require = createRequire(import.meta.url);

let english: Faker | undefined;
const randomizers = new WeakMap<Faker, Mersenne>();

/**
 * A new faker with English data (`[en, base]`), seeded: the same draws as
 * `new Faker({ locale: [en, base], seed })`.
 */
export function seededFaker(seed: number): Faker {
  english ??= (require("@faker-js/faker/locale/en") as typeof import("@faker-js/faker/locale/en")).faker;
  const EnglishFaker = english.constructor as typeof Faker;
  const randomizer = new Mersenne(seed);
  const faker = new EnglishFaker({ locale: english.rawDefinitions, randomizer });
  randomizers.set(faker, randomizer);
  return faker;
}

/**
 * `prefix` and `length` lowercase hex digits, drawn from the randomizer of a faker made by
 * {@link seededFaker} (eight digits a draw).
 *
 * @throws Error for a faker made elsewhere (every factory's faker comes from {@link seededFaker})
 */
export function hexDigits(faker: Faker, length: number, prefix = ""): string {
  const randomizer = randomizers.get(faker);
  if (!randomizer) throw new Error("Failed to draw hex digits: the faker was not made by seededFaker");
  return randomizer.hex(length, prefix);
}

/** A SID: the prefix and 32 lowercase hex digits, as Twilio writes them. */
export const sid = (faker: Faker, prefix: "AC" | "CA" | "CF" | "MZ"): string => hexDigits(faker, 32, prefix);

// A fixed window keeps dates independent of the clock, so seeded builds are reproducible.
const FROM = Date.UTC(2015, 0, 1);
const TO = Date.UTC(2026, 0, 1);

/** Milliseconds since the epoch of a whole second between 2015 and 2025. */
const instant = (faker: Faker): number => faker.number.int({ min: FROM / 1000, max: TO / 1000 }) * 1000;

/** An instant in RFC 2822 (`+0000`) between 2015 and 2025. */
export const dateTime = (faker: Faker): string => formatRfc2822(new Date(instant(faker)));

/**
 * A creation and a later update time in RFC 2822 (`+0000`), up to two hours apart.
 *
 * @param fixedCreated - a creation time the caller fixed; the update time follows it
 */
export function createdAndUpdated(
  faker: Faker,
  fixedCreated?: string | null,
): { date_created: string; date_updated: string } {
  const given = typeof fixedCreated === "string" ? rfc2822Millis(fixedCreated) : undefined;
  const created = given ?? instant(faker);
  const updated = created + faker.number.int({ min: 0, max: 7200 }) * 1000;
  return { date_created: formatRfc2822(new Date(created)), date_updated: formatRfc2822(new Date(updated)) };
}
