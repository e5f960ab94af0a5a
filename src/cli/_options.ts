// internal: parsers for option values; each throws TestkitError USAGE naming the flag.
import { TestkitError } from "../errors.js";

/**
 * An integer option within bounds.
 *
 * @throws TestkitError `USAGE`, e.g. "Failed to read --count: 0 is not a whole number from 1 to 100000"
 */
export function parseInteger(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^-?\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min || value > max)
    throw new TestkitError(
      "USAGE",
      `Failed to read ${flag}: ${JSON.stringify(text)} is not a whole number from ${min} to ${max}`,
    );
  return value;
}

/**
 * A `key=value` option. The value is read as JSON when it is JSON (`5`, `true`, `null`, `"text"`,
 * `{...}`), else taken as a string.
 *
 * @throws TestkitError `USAGE` when there is no `=` or no key
 */
export function parseAssignment(flag: string, text: string): [string, unknown] {
  const at = text.indexOf("=");
  if (at <= 0) throw new TestkitError("USAGE", `Failed to read ${flag}: ${JSON.stringify(text)} is not key=value`);
  const raw = text.slice(at + 1);
  try {
    return [text.slice(0, at), JSON.parse(raw)];
  } catch {
    return [text.slice(0, at), raw];
  }
}

/** Commander collector for repeatable options: each use appends. */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];
