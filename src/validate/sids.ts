import { getValidator } from "./ajv.js";

/** The SID kinds `schemas/common.json` defines, by their `$defs` names. */
export type SidKind = "AccountSid" | "CallSid" | "ConferenceSid" | "StreamSid";

/**
 * Whether a value is a SID of that kind: its two-letter prefix (AC, CA, CF, MZ) and 32 hex digits, as
 * `schemas/common.json` defines it.
 *
 * @example `isSid("ConferenceSid", "CF" + "0".repeat(32))` → true; `isSid("ConferenceSid", "my-room")` → false
 */
export const isSid = (kind: SidKind, value: unknown): boolean => getValidator(`common.json#/$defs/${kind}`)(value) === true;
