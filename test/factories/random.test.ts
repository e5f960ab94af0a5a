import { base, en, Faker, generateMersenne53Randomizer } from "@faker-js/faker";
import { describe, expect, it } from "vitest";
import { hexDigits, Mersenne, seededFaker } from "../../src/factories/_draw.js";

const SEEDS = [0, 1, 42, -7, 2 ** 31, 2 ** 32 + 5, Number.MAX_SAFE_INTEGER, 1.5];

describe("the factories' randomness: faker's own numbers, and SIDs eight hex digits a draw", () => {
  it("Mersenne yields faker's default randomizer's numbers, seeded by a number or an array", () => {
    for (const seed of [...SEEDS, [1, 2, 3], [2 ** 32 - 1, 7, -3]]) {
      const fakers = generateMersenne53Randomizer();
      fakers.seed(seed);
      const ours = new Mersenne(seed);
      // 1,500 draws cross the 624-word state twice
      const draws = Array.from({ length: 1500 }, () => [ours.next(), fakers.next()]);
      expect(
        draws.filter(([a, b]) => a !== b),
        `seed ${JSON.stringify(seed)}`,
      ).toEqual([]);
    }
  });

  it("hex digits take eight a draw (a SID four 32-bit outputs, two of faker's numbers), and a seeded faker's other draws follow as faker's do", () => {
    for (const seed of SEEDS) {
      const randomizer = generateMersenne53Randomizer();
      randomizer.seed(seed);
      const reference = new Faker({ locale: [en, base], randomizer });
      const ours = seededFaker(seed);
      const sids = new Set<string>();
      for (let i = 0; i < 50; i++) {
        const sid = hexDigits(ours, 32, "CA");
        expect(sid).toMatch(/^CA[0-9a-f]{32}$/);
        sids.add(sid);
        randomizer.next();
        randomizer.next();
        expect(ours.word.noun()).toBe(reference.word.noun());
        expect(ours.number.int({ min: 0, max: 7200 })).toBe(reference.number.int({ min: 0, max: 7200 }));
      }
      expect(sids.size).toBe(50);
      expect(hexDigits(seededFaker(seed), 32, "CA")).toBe(hexDigits(seededFaker(seed), 32, "CA"));
    }
  });

  it("hex digits are evenly spread over 0-f", () => {
    const faker = seededFaker(9);
    const counts = new Map<string, number>();
    for (let i = 0; i < 2000; i++)
      for (const digit of hexDigits(faker, 32)) counts.set(digit, (counts.get(digit) ?? 0) + 1);
    expect([...counts.keys()].sort().join("")).toBe("0123456789abcdef");
    // 64,000 digits: 4,000 expected each, standard deviation about 61; ±200 is over three of them (the seed is fixed, so this is reproducible)
    for (const count of counts.values()) expect(Math.abs(count - 4000)).toBeLessThan(200);
  });

  it("hex digits need a faker made by seededFaker", () => {
    expect(() => hexDigits(new Faker({ locale: [en, base], seed: 3 }), 8)).toThrow(
      "the faker was not made by seededFaker",
    );
  });
});
