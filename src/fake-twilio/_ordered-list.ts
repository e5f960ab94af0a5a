// internal: a list kept in Twilio's order (newest date_created first), with positions that outlive their items.

/** A place in the list's order: a `date_created` (ms) and when it was added, whether or not an item is still there. */
export interface Position {
  /** `date_created` in ms since the epoch (0 without one) */
  readonly time: number;
  /** The list's count of additions when the item was added: of two with one time, the later added comes first */
  readonly seq: number;
}

interface Entry<T> extends Position {
  readonly sid: string;
  /** The item, or undefined once removed (the entry then keeps only the SID's position) */
  item: T | undefined;
}

/** Compares positions in ascending (time, seq): the reverse of the list's order. */
const compare = (a: Position, b: Position): number => a.time - b.time || a.seq - b.seq;

/**
 * Items by SID, kept sorted as Twilio lists them: newest `date_created` first (source: the real list
 * pages, where both participants and conferences come newest first: `participant.list.17` / `.18`,
 * `conference.list.5`); of items created in the same second (Twilio's dates have no finer grain),
 * the one added later comes first. The sorted array is held ascending, so that a new (newest) item
 * is a push; adding an older one, moving and removing cost a binary search and a move of the array's
 * tail, a lookup by SID is a map lookup, and a walk from a position costs only the items it visits.
 * The position of every SID ever added is remembered (until {@link clear}), so a page token naming a
 * removed item still names its place in the order.
 */
export class OrderedList<T extends object> {
  /** The entries of the items held, ascending */
  readonly #sorted: Entry<T>[] = [];
  /** The entry of every SID ever added: its item while held, its position always */
  readonly #entries = new Map<string, Entry<T>>();
  #added = 0;

  /** How many items the list holds. */
  get size(): number {
    return this.#sorted.length;
  }

  /** The item with this SID, or undefined. */
  get(sid: string): T | undefined {
    return this.#entries.get(sid)?.item;
  }

  /**
   * Adds an item, or replaces the one with its SID (moving it when its time changed).
   *
   * @returns the item it replaced, if any
   */
  set(sid: string, time: number, item: T): T | undefined {
    const held = this.#entries.get(sid);
    const previous = held?.item;
    if (held && previous !== undefined && held.time === time) {
      held.item = item;
      return previous;
    }
    if (previous !== undefined) this.delete(sid);
    const entry: Entry<T> = { time, seq: this.#added++, sid, item };
    const last = this.#sorted.at(-1);
    if (last === undefined || last.time <= time) this.#sorted.push(entry);
    else this.#sorted.splice(this.#lowerBound(entry), 0, entry);
    this.#entries.set(sid, entry);
    return previous;
  }

  /** Replaces the item with this SID in its place (its time unchanged); whether there was one. */
  replace(sid: string, item: T): boolean {
    const entry = this.#entries.get(sid);
    if (entry?.item === undefined) return false;
    entry.item = item;
    return true;
  }

  /** Removes the item with this SID (its position stays known); whether there was one. */
  delete(sid: string): boolean {
    const entry = this.#entries.get(sid);
    if (entry?.item === undefined) return false;
    this.#sorted.splice(this.#lowerBound(entry), 1);
    entry.item = undefined;
    return true;
  }

  /** Empties the list and forgets every position. */
  clear(): void {
    this.#sorted.length = 0;
    this.#entries.clear();
    this.#added = 0;
  }

  /** Where the item with this SID is or was in the order, or undefined for a SID never added. */
  positionOf(sid: string): Position | undefined {
    return this.#entries.get(sid);
  }

  /** The items in list order (newest first). */
  values(): T[] {
    return [...this.walkAfter(undefined)];
  }

  /** The items with their `date_created` places (`time`), in list order. */
  placed(): { readonly item: T; readonly time: number }[] {
    return this.#sorted.map(({ item, time }) => ({ item: item as T, time })).reverse();
  }

  /** The items from the `index`-th (0 = newest) on, in list order. */
  *walkFrom(index: number): Generator<T> {
    for (let i = this.#sorted.length - 1 - index; i >= 0; i--) yield (this.#sorted[i] as Entry<T>).item as T;
  }

  /** The items that come after `position` in list order (older ones), nearest first; all of them without a position. */
  *walkAfter(position: Position | undefined): Generator<T> {
    const from = position === undefined ? this.#sorted.length : this.#lowerBound(position);
    for (let i = from - 1; i >= 0; i--) yield (this.#sorted[i] as Entry<T>).item as T;
  }

  /** The items that come before `position` in list order (newer ones), nearest first. */
  *walkBefore(position: Position): Generator<T> {
    for (let i = this.#upperBound(position); i < this.#sorted.length; i++)
      yield (this.#sorted[i] as Entry<T>).item as T;
  }

  /** Index of the first entry not below `p` in ascending order. */
  #lowerBound(p: Position): number {
    let [lo, hi] = [0, this.#sorted.length];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(this.#sorted[mid] as Entry<T>, p) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index of the first entry above `p` in ascending order. */
  #upperBound(p: Position): number {
    let [lo, hi] = [0, this.#sorted.length];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(this.#sorted[mid] as Entry<T>, p) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
