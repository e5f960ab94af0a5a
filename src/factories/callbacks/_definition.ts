// internal: what a callback factory's definition needs beside generate and traits: its name, its strict
// check and its invalid cases, from the callback validator and catalogue instead of the resources'.
import { type CallbackKind, validateCallback } from "../../validate/callbacks.js";
import type { ValidationIssue } from "../../validate/issues.js";
import { callbackInvalidCase, type CallbackInvalidRuleName } from "./invalid.js";

/** `name`, `validate` (strict profile) and `invalid` of a callback factory's definition. */
export function callbackChecks<K extends CallbackKind>(kind: K) {
  return {
    name: kind,
    validate: (value: unknown): readonly ValidationIssue[] => {
      const result = validateCallback(kind, value as object, { profile: "strict" });
      return result.ok ? [] : result.issues;
    },
    invalid: (rule: CallbackInvalidRuleName) => callbackInvalidCase(kind, rule),
  };
}
