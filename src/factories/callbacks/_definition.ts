// internal: what a callback factory's definition needs beside generate and traits: its strict check and
// its invalid cases, from the callback validator and catalogue instead of the resources'.
import { type CallbackKind, type CallbackTypes, validateCallback } from "../../validate/callbacks.js";
import { callbackInvalidCase, type CallbackInvalidRuleName } from "./invalid.js";

/** `kind`, `validate` and `invalidCase` of a callback factory's definition. */
export function callbackChecks<K extends CallbackKind>(kind: K) {
  return {
    kind,
    validate: (built: CallbackTypes["strict"][K]) => validateCallback(kind, built, { profile: "strict" }),
    invalidCase: (rule: CallbackInvalidRuleName) => callbackInvalidCase(kind, rule),
  };
}
