// internal: the fake clock's pending work in due order. Work scheduled with one delay falls due in the order it was
// scheduled (the clock's time only moves on), so it waits in a first-in-first-out lane of that delay: a push and a
// shift cost O(1) where a heap costs O(log n) comparisons, which under a load of CreateParticipant (three lifecycle
// steps of three fixed delays per participant, thousands pending) were the clock's main cost. Work that would break a
// lane's order (a real clock whose system time stepped back), and work of more delays than there are lanes, goes to a
// min-heap; the earliest of the lanes' heads and the heap's top comes out first.
import { MinHeap } from "./_min-heap.js";

/** When work is due, and the order it was scheduled in, which breaks ties. */
export interface Due {
  /** Due time, ms */
  readonly at: number;
  /** Scheduling order: of two due at one ms, the lower comes out first */
  readonly order: number;
}

/** Whether `a` comes out before `b`. */
const before = (a: Due, b: Due): boolean => a.at < b.at || (a.at === b.at && a.order < b.order);

/** How many delays get a lane of their own (the lifecycle uses three); work of other delays goes to the heap. */
const MAX_LANES = 8;

/** A first-in-first-out queue: an array read from `#head`, emptied when all of it has been read, compacted once at least 1,024 items and half of it have been. */
class Lane<T> {
  /** The delay whose work it holds */
  constructor(readonly delay: number) {}

  #items: T[] = [];
  #head = 0;

  first(): T | undefined {
    return this.#items[this.#head];
  }

  last(): T | undefined {
    return this.#head < this.#items.length ? this.#items[this.#items.length - 1] : undefined;
  }

  push(item: T): void {
    this.#items.push(item);
  }

  shift(): void {
    this.#items[this.#head++] = undefined as T;
    if (this.#head === this.#items.length) {
      this.#items.length = 0;
      this.#head = 0;
    } else if (this.#head >= 1024 && this.#head * 2 >= this.#items.length) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
  }
}

/** Pending work in due order (see the file's comment): `push`, `peek` and `shiftDue`. */
export class DueQueue<T extends Due> {
  readonly #lanes = new Map<number, Lane<T>>();
  readonly #heap = new MinHeap<T>(before);
  #size = 0;

  /** How many items it holds. */
  get size(): number {
    return this.#size;
  }

  /**
   * Adds an item scheduled `delay` ms after the time it was scheduled at.
   *
   * @param delay - the delay it was scheduled with: items of one delay share a lane
   */
  push(item: T, delay: number): void {
    this.#size++;
    let lane = this.#lanes.get(delay);
    if (!lane && this.#lanes.size < MAX_LANES) this.#lanes.set(delay, (lane = new Lane(delay)));
    const last = lane?.last();
    if (lane && (last === undefined || !before(item, last))) lane.push(item);
    else this.#heap.push(item);
  }

  /** The first item, without removing it; undefined when empty. */
  peek(): T | undefined {
    return this.#first()?.first();
  }

  /** Removes and returns the first item if it is due at or before `until`; else undefined. */
  shiftDue(until: number): T | undefined {
    const source = this.#first();
    const item = source?.first();
    if (!source || !item || item.at > until) return undefined;
    this.#size--;
    source.shift();
    // An emptied lane makes room for another delay's.
    if (source instanceof Lane && source.first() === undefined) this.#lanes.delete(source.delay);
    return item;
  }

  /** Removes every item. */
  clear(): void {
    this.#lanes.clear();
    this.#heap.clear();
    this.#size = 0;
  }

  /** The lane, or the heap, whose first item comes out first. */
  #first(): { first(): T | undefined; shift(): void } | undefined {
    let source: { first(): T | undefined; shift(): void } | undefined;
    let item = this.#heap.peek();
    if (item) source = this.#heapSource;
    for (const lane of this.#lanes.values()) {
      const head = lane.first();
      if (head && (!item || before(head, item))) {
        item = head;
        source = lane;
      }
    }
    return source;
  }

  readonly #heapSource = { first: (): T | undefined => this.#heap.peek(), shift: (): void => void this.#heap.pop() };
}
