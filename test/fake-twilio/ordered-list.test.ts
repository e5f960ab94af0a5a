// The fake Twilio's paging index at its default chunk size, with more items than one chunk holds
// (test/property/ordered-list.property.test.ts checks every operation against a model at small sizes).
import { describe, expect, it } from "vitest";
import { OrderedList } from "../../src/fake-twilio/_ordered-list.js";

const COUNT = 5_000;

/** A fixed draw of `COUNT` times (a linear congruential sequence), many of them shared. */
function times(): number[] {
  let state = 7;
  return Array.from({ length: COUNT }, () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state % 1_000;
  });
}

describe("OrderedList at its default chunk size", () => {
  it("holds thousands of items put in any order newest first, walks from any place, and keeps removed places", () => {
    const list = new OrderedList<{ readonly n: number; readonly time: number }>();
    const drawn = times();
    for (const [n, time] of drawn.entries()) list.set(`CA${n}`, time, { n, time });
    // Newest first; of one time, the later added first.
    const expected = drawn.map((time, n) => ({ n, time })).sort((a, b) => b.time - a.time || b.n - a.n);
    expect(list.values()).toEqual(expected);
    expect([...list.walkFrom(3_210)].slice(0, 50)).toEqual(expected.slice(3_210, 3_260));
    // Remove every other item, walking after a removed one's place goes on with the survivors after it.
    for (const { n } of expected.filter((_, i) => i % 2 === 1)) expect(list.delete(`CA${n}`)).toBe(true);
    const survivors = expected.filter((_, i) => i % 2 === 0);
    expect(list.size).toBe(COUNT / 2);
    expect(list.values()).toEqual(survivors);
    const removed = expected[1_001] as { readonly n: number };
    const place = list.positionOf(`CA${removed.n}`);
    expect(list.get(`CA${removed.n}`)).toBeUndefined();
    expect([...(place ? list.walkAfter(place) : [])]).toEqual(survivors.slice(501));
    expect([...(place ? list.walkBefore(place) : [])]).toEqual(survivors.slice(0, 501).reverse());
  });

  it("refuses a chunk size under 2", () => {
    expect(() => new OrderedList(1)).toThrow(RangeError);
  });
});
