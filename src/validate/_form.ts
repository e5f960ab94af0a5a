import type { WireValue } from "./request.js";

/** A form field's value before encoding: text, a number, a boolean, or a list for a repeated key. */
export type FormValue = string | number | boolean | readonly string[];

/**
 * Encodes form fields as Twilio's clients send them (`application/x-www-form-urlencoded`): PascalCase
 * keys as given, `true` / `false` for booleans, a repeated key per value for lists
 * (`StatusCallbackEvent=start&StatusCallbackEvent=end`). Undefined fields are left out.
 * Source: OPERATIONS.md ("on the wire a form body repeats the key once per value, as twilio-node does").
 *
 * @param fields - an object whose values are {@link FormValue}s, e.g. a generated `CreateParticipantBody`
 * @returns the fields as (key, value) pairs in order, each value text
 */
export function formPairs(fields: object): Array<[string, string]> {
  return Object.entries(fields as Record<string, FormValue | undefined>).flatMap(
    ([key, value]): Array<[string, string]> => {
      if (value === undefined) return [];
      return Array.isArray(value) ? value.map((v) => [key, v]) : [[key, String(value)]];
    },
  );
}

/**
 * Groups (key, value) pairs by key, as a form or query decoder reads them: one text per key, or the
 * values in order where a key repeats.
 *
 * @example `groupedValues([["A", "1"], ["B", "x"], ["B", "y"]])` → `{ A: "1", B: ["x", "y"] }`
 */
export function groupedValues(pairs: Iterable<readonly [string, string]>): Record<string, WireValue> {
  // A Map, so that keys such as `constructor` and `__proto__` are keys like any other.
  const byKey = new Map<string, string[]>();
  for (const [key, value] of pairs) {
    const values = byKey.get(key);
    if (values) values.push(value);
    else byKey.set(key, [value]);
  }
  return Object.fromEntries(
    [...byKey].map(([key, values]) => [key, values.length === 1 ? (values[0] as string) : values]),
  );
}
