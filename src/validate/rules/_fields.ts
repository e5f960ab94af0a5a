// internal: defensive field readers for rules, which see objects of any shape.

/** A UTF-16 code unit that is half of a surrogate pair without its other half: such text cannot go into a URI. */
const LONE_SURROGATE = /\p{Cs}/u;

/** The field's value if it is well-formed text (no lone surrogate), which rules can compare and build URIs from. */
export const str = (data: Readonly<Record<string, unknown>>, key: string): string | undefined => {
  const value = data[key];
  return typeof value === "string" && !LONE_SURROGATE.test(value) ? value : undefined;
};

/** The field's value if it is a safe integer. */
export const int = (data: Readonly<Record<string, unknown>>, key: string): number | undefined =>
  Number.isSafeInteger(data[key]) ? (data[key] as number) : undefined;

/** The field's value if it is a plain object. */
export const obj = (data: Readonly<Record<string, unknown>>, key: string): Record<string, unknown> | undefined => {
  const value = data[key];
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
};

/** Every listed field is a string: the values, else undefined. */
export function strings<K extends string>(
  data: Readonly<Record<string, unknown>>,
  keys: readonly K[],
): Record<K, string> | undefined {
  const out = {} as Record<K, string>;
  for (const key of keys) {
    const value = str(data, key);
    if (value === undefined) return undefined;
    out[key] = value;
  }
  return out;
}
