// internal: what the precompiled validators (src/generated/validators.ts) call at run time: the
// strict profile's cross-field rules as Ajv errors, and Ajv's runtime helpers as ES modules, so that
// loading the validators loads no CommonJS (Node's CommonJS loader alone costs a cold start ~10 ms).
// test/validate/validator-runtime.test.ts checks each helper against Ajv's own.
import type { ErrorObject } from "ajv";
import { CROSS_FIELD_RULES, type CrossFieldRuleName } from "./rules/index.js";

/** A validator of Ajv's standalone code (src/generated/): true or false, and the errors of the last call. */
export interface PrecompiledValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** Keyword under which a strict schema lists its cross-field rules, e.g. `"twilioRules": ["participant-uri"]`. */
export const RULES_KEYWORD = "twilioRules";

/**
 * Runs the named rules on an object and returns one Ajv error per violation, or `null` when every
 * rule holds. Ajv's generated code (at run time or precompiled into src/generated/validators.ts)
 * adds each error's `schemaPath` (and, verbose, `schema` and `data`).
 *
 * @param names - the schema's `twilioRules` value
 * @param data - the object under validation
 * @param instancePath - JSON pointer of the object, `""` at the root
 */
export function ruleErrors(
  names: readonly CrossFieldRuleName[],
  data: Readonly<Record<string, unknown>>,
  instancePath: string,
): Partial<ErrorObject>[] | null {
  let errors: Partial<ErrorObject>[] | null = null;
  for (const rule of names) {
    for (const v of CROSS_FIELD_RULES[rule](data))
      (errors ??= []).push({
        keyword: RULES_KEYWORD,
        instancePath: `${instancePath}/${v.field}`,
        params: { rule },
        message: v.message,
      });
  }
  return errors;
}

/**
 * The length of a string in Unicode code points, a surrogate pair counting once, as JSON Schema's
 * `minLength` and `maxLength` count: Ajv's `ajv/dist/runtime/ucs2length`.
 */
export function ucs2length(text: string): number {
  let length = 0;
  let pos = 0;
  while (pos < text.length) {
    length++;
    const high = text.charCodeAt(pos++);
    if (high >= 0xd800 && high <= 0xdbff && pos < text.length && (text.charCodeAt(pos) & 0xfc00) === 0xdc00) pos++;
  }
  return length;
}
