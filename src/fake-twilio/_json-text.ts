// internal: a reply body as JSON text, both transports' serializer. The store freezes what it holds
// (store.ts `held`), so the text of a frozen object cannot go stale and is written once: a page is
// its envelope plus the cached texts of its items, a fetch the cached text of its resource.
import type { Participant } from "../generated/schemas.js";

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

/** A string or null as JSON. */
const jsonOrNull = (value: string | null): string => (value === null ? "null" : JSON.stringify(value));

/**
 * The JSON text of a participant CreateParticipant built, byte for byte what `JSON.stringify` gives (tested on random
 * valid forms: test/property/created-participant.property.test.ts), in half of its time or less (`JSON.stringify`'s
 * builder grows its text piece by piece). It writes the fields in the order CreateParticipant builds them and does not
 * escape the strings that cannot need it: SIDs (checked or drawn), the `uri` made of them, the fake's own RFC 2822
 * dates and the `status` enum; the `label`, the coached call and `queue_time` go through `JSON.stringify`. Not cached:
 * it is sent once, and the lifecycle soon replaces the participant.
 */
export const createdParticipantText = (p: Readonly<Participant>): string =>
  `{"account_sid":"${p.account_sid}","conference_sid":"${p.conference_sid}","call_sid":"${p.call_sid}",` +
  `"label":${jsonOrNull(p.label)},"call_sid_to_coach":${jsonOrNull(p.call_sid_to_coach)},"coaching":${p.coaching},` +
  `"date_created":"${p.date_created}","date_updated":"${p.date_updated}",` +
  `"end_conference_on_exit":${p.end_conference_on_exit},"muted":${p.muted},"hold":${p.hold},` +
  `"start_conference_on_enter":${p.start_conference_on_enter},"status":"${p.status}","queue_time":${jsonOrNull(p.queue_time)},` +
  `"uri":"${p.uri}"}`;

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
