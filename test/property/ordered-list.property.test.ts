// Property: the fake Twilio's ordered list (its paging index) and label index agree with simple
// models. Any sequence of set / add / replace (by SID or in a slot) / delete / clear, with many items
// on one time and chunks small enough to split and merge, leaves the list answering every question
// as a plain sorted array would: size, lookups, the order, walks from any index, walks after and
// before the position of any SID ever added, removed ones included, and what each slot taken holds. PROPERTY_RUNS sets the number of runs
// (200; 10,000 under `npm run test:deep`).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LabelIndex } from "../../src/fake-twilio/_label-index.js";
import { OrderedList, replaceInSlot, type Slot } from "../../src/fake-twilio/_ordered-list.js";
import { PROPERTY_RUNS, propertyTimeout } from "./_runs.js";

const FC_SEED = 20_261_130;

/** The SIDs the operations draw from: few enough that they come back after their removal. */
const SIDS = Array.from({ length: 40 }, (_, i) => `CA${i}`);
const sidArb = fc.constantFrom(...SIDS);

type Op =
  | { readonly kind: "set" | "add"; readonly sid: string; readonly time: number }
  | { readonly kind: "replace" | "replace-in-slot" | "delete"; readonly sid: string }
  | { readonly kind: "clear" };

/** Operations on the list; times from a handful, so that many items share one. */
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant("set" as const), sid: sidArb, time: fc.nat({ max: 5 }) }), weight: 40 },
  { arbitrary: fc.record({ kind: fc.constant("add" as const), sid: sidArb, time: fc.nat({ max: 5 }) }), weight: 10 },
  { arbitrary: fc.record({ kind: fc.constant("replace" as const), sid: sidArb }), weight: 10 },
  { arbitrary: fc.record({ kind: fc.constant("replace-in-slot" as const), sid: sidArb }), weight: 10 },
  { arbitrary: fc.record({ kind: fc.constant("delete" as const), sid: sidArb }), weight: 45 },
  { arbitrary: fc.record({ kind: fc.constant("clear" as const) }), weight: 1 },
);

/** What the model knows of a SID: where it was last placed (time, then the count of placements), and its item while held. */
interface Known {
  readonly time: number;
  readonly placed: number;
  item: object | undefined;
}

/** The list's promise, written plainly: a map of SIDs, sorted in full at each question. */
class Model {
  readonly known = new Map<string, Known>();
  #placements = 0;

  set(sid: string, time: number, item: object): object | undefined {
    const held = this.known.get(sid);
    const previous = held?.item;
    if (held && previous !== undefined && held.time === time) held.item = item;
    else this.known.set(sid, { time, placed: this.#placements++, item });
    return previous;
  }

  /** Newest time first; of one time, the one placed later first. */
  static after(a: Known, b: Known): boolean {
    return a.time < b.time || (a.time === b.time && a.placed < b.placed);
  }

  order(): Known[] {
    return [...this.known.values()]
      .filter((k) => k.item !== undefined)
      .sort((a, b) => b.time - a.time || b.placed - a.placed);
  }
}

const items = (known: readonly Known[]) => known.map((k) => k.item);

/** A slot taken from the list, with what the model knew of its SID then: it holds that SID's item while the model still knows it so. */
interface Taken {
  readonly slot: Slot<object>;
  readonly known: Known;
}

/** What a taken slot must hold: its SID's item while the same placement holds it, else nothing. */
const expectedIn = ({ known }: Taken, model: Model, sid: string): object | undefined =>
  model.known.get(sid) === known ? known.item : undefined;

/** Asserts that the list answers every question as the model does, and so does every slot taken. */
function agree(list: OrderedList<object>, model: Model, taken: ReadonlyMap<string, Taken>): void {
  for (const [sid, slot] of taken) expect(slot.slot.item).toBe(expectedIn(slot, model, sid));
  const order = model.order();
  expect(list.size).toBe(order.length);
  expect(list.values()).toEqual(items(order));
  // placed() gives them oldest first (ties in the order added), so that setting them anew rebuilds the same order.
  const placed = list.placed();
  expect(placed).toEqual(order.map((k) => ({ item: k.item, time: k.time })).reverse());
  const sidOf = new Map([...model.known].map(([sid, known]) => [known.item, sid]));
  const rebuilt = new OrderedList<object>();
  for (const { item, time } of placed) rebuilt.set(sidOf.get(item) ?? "", time, item);
  expect(rebuilt.values()).toEqual(items(order));
  for (let index = 0; index <= order.length + 1; index++)
    expect([...list.walkFrom(index)]).toEqual(items(order.slice(index)));
  expect([...list.walkAfter(undefined)]).toEqual(items(order));
  for (const sid of SIDS) {
    const known = model.known.get(sid);
    expect(list.get(sid)).toBe(known?.item);
    const position = list.positionOf(sid);
    expect(position === undefined).toBe(known === undefined);
    if (!known || !position) continue;
    expect(position.time).toBe(known.time);
    expect([...list.walkAfter(position)]).toEqual(items(order.filter((k) => Model.after(k, known))));
    expect([...list.walkBefore(position)]).toEqual(items(order.filter((k) => Model.after(known, k)).reverse()));
  }
}

describe("OrderedList, against a sorted array", () => {
  it(
    "any sequence of set / add / replace / delete / clear leaves every lookup, walk and slot as the model answers it",
    () => {
      fc.assert(
        fc.property(fc.integer({ min: 2, max: 6 }), fc.array(opArb, { maxLength: 150, size: "max" }), (load, ops) => {
          const list = new OrderedList<object>(load);
          const model = new Model();
          const taken = new Map<string, Taken>();
          const take = (sid: string) => {
            const slot = list.slot(sid);
            const known = model.known.get(sid);
            expect(slot === undefined).toBe(known?.item === undefined);
            if (slot && known) taken.set(sid, { slot, known });
          };
          for (const [n, op] of ops.entries()) {
            const item = { n };
            if (op.kind === "set") {
              expect(list.set(op.sid, op.time, item)).toBe(model.set(op.sid, op.time, item));
              take(op.sid);
            } else if (op.kind === "add") {
              const held = model.known.get(op.sid)?.item !== undefined;
              const slot = list.add(op.sid, op.time, item);
              expect(slot === undefined).toBe(held);
              if (!held) model.set(op.sid, op.time, item);
              expect(slot?.item).toBe(held ? undefined : item);
              take(op.sid);
            } else if (op.kind === "replace-in-slot") {
              const slot = taken.get(op.sid);
              const live = slot !== undefined && expectedIn(slot, model, op.sid) !== undefined;
              if (slot) expect(replaceInSlot(slot.slot, item)).toBe(live);
              if (slot && live) slot.known.item = item;
            } else if (op.kind === "replace") {
              const held = model.known.get(op.sid);
              const had = held?.item !== undefined;
              if (held && had) held.item = item;
              expect(list.replace(op.sid, item)).toBe(had);
            } else if (op.kind === "delete") {
              const held = model.known.get(op.sid);
              const had = held?.item !== undefined;
              if (held) held.item = undefined;
              expect(list.delete(op.sid)).toBe(had);
            } else {
              list.clear();
              model.known.clear();
            }
            if (n % 10 === 9) agree(list, model, taken);
          }
          agree(list, model, taken);
        }),
        { numRuns: PROPERTY_RUNS, seed: FC_SEED },
      );
    },
    propertyTimeout(20),
  );
});

describe("LabelIndex, against an array per label", () => {
  it(
    "any sequence of adds and removes leaves each label's latest SID as the model's last",
    () => {
      const labelArb = fc.constantFrom("agent", "customer", "host");
      const stepArb = fc.record({ add: fc.boolean(), label: labelArb, sid: fc.constantFrom(...SIDS.slice(0, 8)) });
      fc.assert(
        fc.property(fc.array(stepArb, { maxLength: 80, size: "max" }), (steps) => {
          const index = new LabelIndex();
          const model = new Map<string, string[]>();
          for (const { add, label, sid } of steps) {
            const sids = (model.get(label) ?? []).filter((s) => s !== sid);
            model.set(label, add ? [...sids, sid] : sids);
            if (add) index.add(label, sid);
            else index.remove(label, sid);
            for (const [name, held] of model) expect(index.latest(name)).toBe(held.at(-1));
          }
        }),
        { numRuns: PROPERTY_RUNS, seed: FC_SEED },
      );
    },
    propertyTimeout(2),
  );
});
