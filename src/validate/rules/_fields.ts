// internal: defensive field readers for rules, which see objects of any shape.

/** The field's value if it is a string. */
export const str = (data: Readonly<Record<string, unknown>>, key: string): string | undefined =>
  typeof data[key] === "string" ? (data[key] as string) : undefined;

/** The field's value if it is a safe integer. */
export const int = (data: Readonly<Record<string, unknown>>, key: string): number | undefined =>
  Number.isSafeInteger(data[key]) ? (data[key] as number) : undefined;

/** The field's value if it is a plain object. */
export const obj = (data: Readonly<Record<string, unknown>>, key: string): Record<string, unknown> | undefined => {
  const value = data[key];
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
};

/** Every listed field is a string: the values, else undefined. */
export function strings<K extends string>(data: Readonly<Record<string, unknown>>, keys: readonly K[]): Record<K, string> | undefined {
  const out = {} as Record<K, string>;
  for (const key of keys) {
    const value = str(data, key);
    if (value === undefined) return undefined;
    out[key] = value;
  }
  return out;
}
