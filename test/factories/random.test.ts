import { base, en, Faker, generateMersenne53Randomizer } from "@faker-js/faker";
import { describe, expect, it } from "vitest";
import { hexDigits, Mersenne, seededFaker } from "../../src/factories/_draw.js";

const SEEDS = [0, 1, 42, -7, 2 ** 31, 2 ** 32 + 5, Number.MAX_SAFE_INTEGER, 1.5];

describe("the factories' randomness draws what faker's own would", () => {
  it("Mersenne yields faker's default randomizer's numbers, seeded by a number or an array", () => {
    for (const seed of [...SEEDS, [1, 2, 3], [2 ** 32 - 1, 7, -3]]) {
      const fakers = generateMersenne53Randomizer();
      fakers.seed(seed);
      const ours = new Mersenne(seed);
      // 1,500 draws cross the 624-word state twice
      const draws = Array.from({ length: 1500 }, () => [ours.next(), fakers.next()]);
      expect(draws.filter(([a, b]) => a !== b), `seed ${JSON.stringify(seed)}`).toEqual([]);
    }
  });

  it("hex digits are faker.string.hexadecimal's, and a seeded faker's other draws follow as faker's do", () => {
    for (const seed of SEEDS) {
      const reference = new Faker({ locale: [en, base], seed });
      const ours = seededFaker(seed);
      for (let i = 0; i < 50; i++) {
        expect(hexDigits(ours, 32, "CA")).toBe(`CA${reference.string.hexadecimal({ length: 32, casing: "lower", prefix: "" })}`);
        expect(ours.word.noun()).toBe(reference.word.noun());
        expect(ours.number.int({ min: 0, max: 7200 })).toBe(reference.number.int({ min: 0, max: 7200 }));
      }
    }
  });

  it("hex digits of a faker made elsewhere come from its own generator", () => {
    const reference = new Faker({ locale: [en, base], seed: 3 });
    expect(hexDigits(new Faker({ locale: [en, base], seed: 3 }), 8)).toBe(reference.string.hexadecimal({ length: 8, casing: "lower", prefix: "" }));
  });
});
