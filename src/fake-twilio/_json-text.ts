// internal: a reply body as JSON text, both transports' serializer. The store freezes what it holds
// (store.ts `held`), so the text of a frozen object cannot go stale and is written once: a page is
// its envelope plus the cached texts of its items, a fetch the cached text of its resource.

const texts = new WeakMap<object, string>();

/** The JSON text of one value; a frozen object's text is cached (it cannot change, and neither can what it holds, see `held`). */
function textOf(value: unknown): string {
  if (typeof value !== "object" || value === null || !Object.isFrozen(value)) return JSON.stringify(value);
  let text = texts.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    texts.set(value, text);
  }
  return text;
}

/**
 * A reply body as JSON text, byte for byte what `JSON.stringify(body)` gives (tested), written from
 * cached texts where the body is frozen (a fetched resource) or leads with lists (a page's items,
 * before its envelope).
 *
 * @param body - a reply body: a resource, a page, an error
 */
export function jsonText(body: unknown): string {
  if (typeof body !== "object" || body === null || Array.isArray(body) || Object.isFrozen(body)) return textOf(body);
  const lists: string[] = [];
  let rest: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(body)) {
    if (!Array.isArray(value)) (rest ??= {})[key] = value;
    else if (rest)
      return JSON.stringify(body); // a list after other fields: keep the order simply
    else lists.push(`${JSON.stringify(key)}:[${value.map((item) => textOf(item ?? null)).join(",")}]`);
  }
  if (lists.length === 0 || "toJSON" in body) return JSON.stringify(body);
  const others = rest === undefined ? "}" : JSON.stringify(rest);
  return `{${lists.join(",")}${others === "{}" || others === "}" ? "}" : `,${others.slice(1)}`}`;
}

/**
 * A reply's body as JSON text: {@link jsonText}'s, except for a resource just created (status 201), whose text is
 * not cached: it is sent once, and the lifecycle soon replaces the resource, so a cached text would only weigh on the
 * collector.
 */
export const replyText = (status: number, body: unknown): string =>
  status === 201 ? JSON.stringify(body) : jsonText(body);

/** Whether a value and every object it holds are frozen: nobody can change it any more. */
function deeplyFrozen(value: object): boolean {
  if (!Object.isFrozen(value)) return false;
  for (const key in value) {
    const field = (value as Record<string, unknown>)[key];
    if (typeof field === "object" && field !== null && !deeplyFrozen(field)) return false;
  }
  return true;
}

/**
 * A frozen copy of a resource the store is about to hold, its nested objects (a conference's
 * `subresource_uris`) copied and frozen too, so that neither it nor its cached text can change, and
 * the caller's objects stay as they were; a value already deeply frozen is held as it is (no copy needed).
 */
export function held<T extends object>(value: T): Readonly<T> {
  if (deeplyFrozen(value)) return value;
  const copy: Record<string, unknown> = Array.isArray(value) ? ([...value] as never) : { ...(value as object) };
  for (const key in copy) {
    const field = copy[key];
    if (typeof field === "object" && field !== null) copy[key] = held(field);
  }
  return Object.freeze(copy) as T;
}
