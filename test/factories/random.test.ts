import { base, en, Faker } from "@faker-js/faker";
import { describe, expect, it } from "vitest";
import { drawFor, FieldStream, hexDigits } from "../../src/factories/_draw.js";

const SEEDS = [0, 1, 42, -7, 2 ** 40 + 3, Number.MAX_SAFE_INTEGER];

describe("the factories' randomness: one stream per (seed, factory, field, build), SIDs eight hex digits a draw", () => {
  it("a stream yields the same numbers whatever was drawn from other streams", () => {
    for (const seed of SEEDS) {
      const draw = drawFor(seed, "participant", 0);
      const first = draw("label").number.int();
      draw("call_sid").number.int();
      draw("muted").string.alpha(40);
      expect(draw("label").number.int()).toBe(first);
    }
  });

  it("streams differ by seed, factory, field and build index", () => {
    const of = (seed: number, factory: string, field: string, index: number) =>
      hexDigits(drawFor(seed, factory, index)(field), 32);
    const base32 = of(1, "participant", "call_sid", 0);
    const others = [
      of(2, "participant", "call_sid", 0),
      of(1, "conference", "call_sid", 0),
      of(1, "participant", "account_sid", 0),
      of(1, "participant", "call_sid", 1),
      of(1 + 2 ** 32, "participant", "call_sid", 0),
    ];
    for (const other of others) expect(other).not.toBe(base32);
  });

  it("numbers lie in [0, 1) and spread evenly", () => {
    const stream = new FieldStream();
    stream.key(5, "t", "f", 0);
    const buckets = new Array<number>(10).fill(0);
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = stream.next();
      if (x < 0 || x >= 1) outside++;
      else buckets[Math.floor(x * 10)]!++;
    }
    expect(outside).toBe(0);
    // 10,000 expected each, standard deviation about 95; ±400 is over four of them (fixed key: reproducible)
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(400);
  });

  it("hex digits are evenly spread over 0-f", () => {
    const faker = drawFor(9, "t", 0)("f");
    const counts = new Map<string, number>();
    for (let i = 0; i < 2000; i++)
      for (const digit of hexDigits(faker, 32)) counts.set(digit, (counts.get(digit) ?? 0) + 1);
    expect([...counts.keys()].sort().join("")).toBe("0123456789abcdef");
    // 64,000 digits: 4,000 expected each, standard deviation about 61; ±200 is over three of them (the seed is fixed, so this is reproducible)
    for (const count of counts.values()) expect(Math.abs(count - 4000)).toBeLessThan(200);
  });

  it("hex digits need the factories' own faker", () => {
    expect(() => hexDigits(new Faker({ locale: [en, base], seed: 3 }), 8)).toThrow(
      "the faker is not the factories' own",
    );
  });
});
