import { readSchemaDocument } from "../catalogue/schema-files.js";

/** The SID kinds `schemas/common.json` defines, by their `$defs` names. */
export type SidKind = "AccountSid" | "CallSid" | "ConferenceSid" | "StreamSid";

let patterns: Readonly<Record<SidKind, RegExp>> | undefined;

/** Each SID kind's `pattern` from `schemas/common.json`, read once (no Ajv needed for a regex). */
function sidPatterns(): Readonly<Record<SidKind, RegExp>> {
  if (patterns) return patterns;
  const defs = (readSchemaDocument("common.json") as { $defs: Record<SidKind, { pattern: string }> }).$defs;
  patterns = {
    AccountSid: new RegExp(defs.AccountSid.pattern),
    CallSid: new RegExp(defs.CallSid.pattern),
    ConferenceSid: new RegExp(defs.ConferenceSid.pattern),
    StreamSid: new RegExp(defs.StreamSid.pattern),
  };
  return patterns;
}

/**
 * Whether a value is a SID of that kind: its two-letter prefix (AC, CA, CF, MZ) and 32 hex digits, as
 * the kind's `pattern` in `schemas/common.json` says.
 *
 * @example `isSid("ConferenceSid", "CF" + "0".repeat(32))` → true; `isSid("ConferenceSid", "my-room")` → false
 */
export const isSid = (kind: SidKind, value: unknown): boolean =>
  typeof value === "string" && sidPatterns()[kind].test(value);
