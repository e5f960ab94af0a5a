/**
 * A binary min-heap: `push` and `pop` in O(log n), `peek` in O(1). Items compare with `before(a, b)`,
 * true when `a` must come out first; ties must be broken by the caller (e.g. by insertion number) for
 * a deterministic order.
 */
export class MinHeap<T> {
  readonly #items: T[] = [];
  readonly #before: (a: T, b: T) => boolean;

  /** @param before - whether `a` comes out before `b` */
  constructor(before: (a: T, b: T) => boolean) {
    this.#before = before;
  }

  /** How many items it holds. */
  get size(): number {
    return this.#items.length;
  }

  /** The first item, without removing it; undefined when empty. */
  peek(): T | undefined {
    return this.#items[0];
  }

  /** Adds an item. */
  push(item: T): void {
    const items = this.#items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.#before(items[i] as T, items[parent] as T)) break;
      this.#swap(i, parent);
      i = parent;
    }
  }

  /** Removes and returns the first item; undefined when empty. */
  pop(): T | undefined {
    const items = this.#items;
    const first = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return first;
    items[0] = last;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let next = i;
      if (left < items.length && this.#before(items[left] as T, items[next] as T)) next = left;
      if (right < items.length && this.#before(items[right] as T, items[next] as T)) next = right;
      if (next === i) return first;
      this.#swap(i, next);
      i = next;
    }
  }

  /** Removes every item. */
  clear(): void {
    this.#items.length = 0;
  }

  #swap(i: number, j: number): void {
    const items = this.#items;
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
}
