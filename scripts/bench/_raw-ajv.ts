// internal: the raw-ajv baseline: one Ajv compiled at run time from schemas/, as a project without the kit would.
import type { ValidateFunction } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { CROSS_FIELD_RULES } from "../../src/validate/rules/index.js";
import { loadKit } from "./_kit.js";
import { readSchemas } from "./_schemas.js";

/**
 * Compiles a schema of `schemas/` with a fresh Ajv: JSON Schema 2020-12, strict mode, every error
 * (as the kit reports them), ajv-formats, the kit's RFC 2822 format and its cross-field rules as
 * the `twilioRules` keyword, so that it accepts exactly what the kit accepts.
 *
 * @param id - the `$id` of the schema to compile
 */
export async function compileRawAjv(id: string): Promise<ValidateFunction> {
  const { parseRfc2822 } = await loadKit();
  const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
  addFormats.default(ajv);
  ajv.addFormat("date-time-rfc-2822", { type: "string", validate: (text: string) => parseRfc2822(text) !== undefined });
  ajv.addKeyword({
    keyword: "twilioRules",
    type: "object",
    schemaType: "array",
    errors: false,
    validate: (names: (keyof typeof CROSS_FIELD_RULES)[], data: Record<string, unknown>) =>
      names.every((name) => CROSS_FIELD_RULES[name](data).length === 0),
  });
  ajv.addSchema(readSchemas());
  const validate = ajv.getSchema(id);
  if (!validate) throw new Error(`Failed to compile ${id}`);
  return validate;
}
