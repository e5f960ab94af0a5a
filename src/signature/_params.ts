// internal: request parameters as the signature algorithm reads them (WEBHOOKS.md §6.1).
import { TestkitError } from "../errors.js";
import { describe } from "./_url.js";

/**
 * Decoded form or query parameters of a Twilio callback: each key's value, or its values when the
 * key is repeated (`Digits=5678&Digits=1234` → `{ Digits: ["5678", "1234"] }`); or a
 * `URLSearchParams`. Every value is a string, as on the wire (WEBHOOKS.md §1).
 */
export type TwilioParams = Readonly<Record<string, string | readonly string[]>> | URLSearchParams;

/** Each key with its values, in the order given; throws on a value that is not a string. */
export function paramEntries(params: TwilioParams | undefined, action: string): Array<[string, string[]]> {
  if (params === undefined) return [];
  if (params instanceof URLSearchParams) {
    const byKey = new Map<string, string[]>();
    for (const [key, value] of params) byKey.set(key, [...(byKey.get(key) ?? []), value]);
    return [...byKey];
  }
  if (typeof params !== "object" || params === null || Array.isArray(params))
    throw new TestkitError(
      "USAGE",
      `Failed to ${action}: params must be an object or URLSearchParams, not ${describe(params)}`,
    );
  return Object.keys(params).map((key) => {
    const value: unknown = params[key];
    const values = Array.isArray(value) ? (value as unknown[]) : [value];
    for (const v of values)
      if (typeof v !== "string")
        throw new TestkitError(
          "USAGE",
          `Failed to ${action}: params[${JSON.stringify(key)}] holds ${describe(v)}; every value is a string on the wire`,
        );
    return [key, values as string[]];
  });
}

/**
 * What follows the URL in the string Twilio's HMAC covers: for each key in code-unit order
 * (JavaScript's `sort()`, as twilio-node; twilio-python sorts by code point, which differs only
 * between keys above U+FFFF and keys in U+E000–U+FFFF) each of its distinct values in code-unit order
 * as key + value, with no separators. A duplicate value of a repeated key counts once, as both SDKs
 * drop it; an empty value adds the key alone.
 */
export function paramString(entries: ReadonlyArray<readonly [string, readonly string[]]>): string {
  let data = "";
  for (const [key, values] of [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    for (const value of values.length === 1 ? values : [...new Set(values)].sort()) data += key + value;
  return data;
}
