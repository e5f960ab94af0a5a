// internal: a list kept in Twilio's order (newest date_created first), with positions that outlive their items.

/** A place in the list's order: a `date_created` (ms) and when it was added, whether or not an item is still there. */
export interface Position {
  /** `date_created` in ms since the epoch (0 without one) */
  readonly time: number;
  /** The list's count of additions when the item was added: of two with one time, the later added comes first */
  readonly seq: number;
}

/**
 * An item's place in a list, for whoever keeps working on that one item (the lifecycle on its participant): it reads
 * the item held there now, and {@link replaceInSlot} replaces it, without a lookup by SID. `item` is undefined once the
 * item has left the list (removed, moved to another time, or the list cleared).
 */
export interface Slot<T> {
  readonly item: T | undefined;
}

interface Entry<T> extends Position {
  readonly sid: string;
  /** The item, or undefined once removed (the entry then keeps only the SID's position) */
  item: T | undefined;
}

/** Where an entry is or would go: the chunk's index and the index in that chunk. */
interface Place {
  readonly chunk: number;
  readonly at: number;
}

/**
 * Entries per chunk the list aims at (a chunk splits past twice this and merges with a neighbour
 * below half of it). Inserting or removing moves at most about a thousand references within one
 * chunk, and finding the `index`-th item reads one length per chunk (chunks hold 256 to 1,024
 * entries). Measured on a busy 2-core machine: 100,000 items put in random order in 0.25–0.7 s,
 * against about 3 s with one sorted array (whose every put moved the array's tail).
 */
const DEFAULT_LOAD = 512;

/** Compares positions in ascending (time, seq): the reverse of the list's order. */
const compare = (a: Position, b: Position): number => a.time - b.time || a.seq - b.seq;

/** Index in an ascending `chunk` of its first entry above `p` (`strict`) or not below it. */
function bound<T>(chunk: readonly Entry<T>[], p: Position, strict: boolean): number {
  let [lo, hi] = [0, chunk.length];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const c = compare(chunk[mid] as Entry<T>, p);
    if (c < 0 || (strict && c === 0)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Items by SID, kept sorted as Twilio lists them: newest `date_created` first (source: the real list
 * pages, where both participants and conferences come newest first: `participant.list.17` / `.18`,
 * `conference.list.5`); of items created in the same second (Twilio's dates have no finer grain),
 * the one added later comes first.
 *
 * The entries are held ascending in a list of sorted chunks (as Python's sortedcontainers holds
 * them), so that adding, moving and removing an item cost two binary searches and a move within one
 * chunk of at most about a thousand entries, whatever the list's size and the order items come in
 * (a new newest item is a push on the last chunk); a lookup by SID is a map lookup; a walk from a
 * position costs a binary search plus only the items it visits; a walk from the `index`-th item
 * costs one step per chunk (n / 1,024 to n / 256 of them) plus the items it visits. The position of every SID ever
 * added is remembered (until {@link clear}), so a page token naming a removed item still names its
 * place in the order. A walk reads the list as it is: the list must not change until the walk is
 * done (the pages take their items at once).
 */
export class OrderedList<T extends object> {
  /** The entries of the items held, ascending: each chunk ascending and non-empty, each above the one before */
  readonly #chunks: Entry<T>[][] = [];
  /** The entry of every SID ever added: its item while held, its position always */
  readonly #entries = new Map<string, Entry<T>>();
  readonly #load: number;
  #size = 0;
  #added = 0;

  /**
   * @param load - entries per chunk the list aims at, ≥ 2 (default 512); the tests choose small
   *   ones so that a few items make chunks split and merge
   * @throws RangeError when `load` is not a whole number ≥ 2
   */
  constructor(load = DEFAULT_LOAD) {
    if (!Number.isInteger(load) || load < 2)
      throw new RangeError(`Failed to make an ordered list: its load must be a whole number ≥ 2, not ${load}`);
    this.#load = load;
  }

  /** How many items the list holds. */
  get size(): number {
    return this.#size;
  }

  /** The item with this SID, or undefined. */
  get(sid: string): T | undefined {
    return this.#entries.get(sid)?.item;
  }

  /** The place of the item with this SID, or undefined when the list does not hold one. */
  slot(sid: string): Slot<T> | undefined {
    const entry = this.#entries.get(sid);
    return entry?.item === undefined ? undefined : entry;
  }

  /**
   * Adds an item, or replaces the one with its SID (moving it when its time changed: it then counts
   * as added now).
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
    this.add(sid, time, item);
    return previous;
  }

  /**
   * Adds an item under a SID the list does not hold, as {@link set} would (a SID it held before is placed anew).
   *
   * @returns the item's slot, or undefined (nothing changed) when the list already holds an item with this SID
   */
  add(sid: string, time: number, item: T): Slot<T> | undefined {
    if (this.#entries.get(sid)?.item !== undefined) return undefined;
    const entry: Entry<T> = { time, seq: this.#added++, sid, item };
    this.#insert(entry);
    this.#entries.set(sid, entry);
    return entry;
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
    const { chunk: c, at } = this.#find(entry, false);
    const chunk = this.#chunks[c] as Entry<T>[];
    chunk.splice(at, 1);
    this.#size--;
    entry.item = undefined;
    if (chunk.length === 0) this.#chunks.splice(c, 1);
    else if (chunk.length < this.#load / 2 && this.#chunks.length > 1) {
      // Into the neighbour before it (or after, for the first), split again if that makes it too long.
      const into = c > 0 ? c - 1 : c;
      const [low, high] = [this.#chunks[into] as Entry<T>[], this.#chunks[into + 1] as Entry<T>[]];
      for (const moved of high) low.push(moved);
      this.#chunks.splice(into + 1, 1);
      this.#splitIfLong(into);
    }
    return true;
  }

  /** Empties the list and forgets every position (every {@link Slot} of it is then empty). */
  clear(): void {
    for (const entry of this.#entries.values()) entry.item = undefined;
    this.#chunks.length = 0;
    this.#entries.clear();
    this.#size = 0;
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

  /**
   * The items with their `date_created` places (`time`), oldest first and, of one time, in the order they were
   * added: setting them in this order into an empty list rebuilds this list's order (what `store.reset()` does).
   */
  placed(): { readonly item: T; readonly time: number }[] {
    const out: { readonly item: T; readonly time: number }[] = [];
    for (const chunk of this.#chunks) for (const { item, time } of chunk) out.push({ item: item as T, time });
    return out;
  }

  /** The items from the `index`-th (0 = newest) on, in list order. */
  walkFrom(index: number): Generator<T> {
    let skip = Math.max(0, index);
    for (let c = this.#chunks.length - 1; c >= 0; c--) {
      const length = (this.#chunks[c] as Entry<T>[]).length;
      if (skip < length) return this.#descending(c, length - 1 - skip);
      skip -= length;
    }
    return this.#descending(-1, -1);
  }

  /** The items that come after `position` in list order (older ones), nearest first; all of them without a position. */
  walkAfter(position: Position | undefined): Generator<T> {
    if (position === undefined) return this.walkFrom(0);
    const { chunk, at } = this.#find(position, false);
    return this.#descending(chunk, at - 1);
  }

  /** The items that come before `position` in list order (newer ones), nearest first. */
  *walkBefore(position: Position): Generator<T> {
    let { chunk: c, at } = this.#find(position, true);
    for (; c < this.#chunks.length; c++, at = 0) {
      const chunk = this.#chunks[c] as Entry<T>[];
      for (; at < chunk.length; at++) yield (chunk[at] as Entry<T>).item as T;
    }
  }

  /** The items from the `at`-th entry of the `c`-th chunk down to the lowest (newest to oldest in list order); `at` -1 starts at the end of the chunk before. */
  *#descending(c: number, at: number): Generator<T> {
    while (c >= 0) {
      const chunk = this.#chunks[c];
      if (chunk) for (; at >= 0; at--) yield (chunk[at] as Entry<T>).item as T;
      c--;
      at = (this.#chunks[c]?.length ?? 0) - 1;
    }
  }

  /**
   * The place of the first entry above `p` (`strict`) or not below it, in ascending order: in the
   * first chunk whose last entry qualifies; `{ chunk: chunks.length, at: 0 }` when none does.
   */
  #find(p: Position, strict: boolean): Place {
    const chunks = this.#chunks;
    let [lo, hi] = [0, chunks.length];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const chunk = chunks[mid] as Entry<T>[];
      const c = compare(chunk[chunk.length - 1] as Entry<T>, p);
      if (c < 0 || (strict && c === 0)) lo = mid + 1;
      else hi = mid;
    }
    return lo === chunks.length ? { chunk: lo, at: 0 } : { chunk: lo, at: bound(chunks[lo] as Entry<T>[], p, strict) };
  }

  /** Puts a new entry (one whose position no other entry has) in its place. */
  #insert(entry: Entry<T>): void {
    const chunks = this.#chunks;
    this.#size++;
    const last = chunks[chunks.length - 1];
    if (last === undefined) {
      chunks.push([entry]);
      return;
    }
    // A new newest item (what CreateParticipant adds) goes at the end without a search.
    if (compare(last[last.length - 1] as Entry<T>, entry) < 0) {
      last.push(entry);
      this.#splitIfLong(chunks.length - 1);
      return;
    }
    // The chunk it goes in: the first whose last entry is above it, else the last chunk (its end).
    const { chunk: found } = this.#find(entry, true);
    const c = Math.min(found, chunks.length - 1);
    const chunk = chunks[c] as Entry<T>[];
    if (found === chunks.length) chunk.push(entry);
    else chunk.splice(bound(chunk, entry, true), 0, entry);
    this.#splitIfLong(c);
  }

  /** Splits the `c`-th chunk in two once it holds more than twice the load. */
  #splitIfLong(c: number): void {
    const chunk = this.#chunks[c] as Entry<T>[];
    if (chunk.length > 2 * this.#load) this.#chunks.splice(c + 1, 0, chunk.splice(chunk.length >>> 1));
  }
}

/**
 * Replaces the item in a slot, keeping its place (as {@link OrderedList.replace} does by SID); whether the slot still
 * held an item (an empty slot stays empty).
 */
export function replaceInSlot<T>(slot: Slot<T>, item: T): boolean {
  const entry = slot as Entry<T>;
  if (entry.item === undefined) return false;
  entry.item = item;
  return true;
}
