import { Ajv2020 } from "ajv/dist/2020.js";
import type { ErrorObject, ValidateFunction } from "ajv";
import type { SchemaValidateFunction } from "ajv/dist/types/index.js";
import addFormats from "ajv-formats";
import { readSchemaFiles, SCHEMA_ID_BASE } from "../catalogue/schema-files.js";
import { TWILIO_FORMATS } from "./formats.js";
import { RULES, type RuleName } from "./rules/index.js";

/** Keyword under which a strict schema lists its cross-field rules, e.g. `"twilioRules": ["participant-uri"]`. */
const RULES_KEYWORD = "twilioRules";

const checkRules: SchemaValidateFunction = (names: RuleName[], data: Record<string, unknown>, _schema, cxt) => {
  const errors: Partial<ErrorObject>[] = names.flatMap((rule) =>
    RULES[rule](data).map((v) => ({
      keyword: RULES_KEYWORD,
      instancePath: `${cxt?.instancePath ?? ""}/${v.field}`,
      params: { rule },
      message: v.message,
    })),
  );
  checkRules.errors = errors;
  return errors.length === 0;
};

function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true, verbose: true });
  addFormats.default(ajv);
  for (const [name, format] of Object.entries(TWILIO_FORMATS)) ajv.addFormat(name, format);
  ajv.addKeyword({
    keyword: RULES_KEYWORD,
    type: "object",
    schemaType: "array",
    errors: true,
    metaSchema: { type: "array", items: { enum: Object.keys(RULES) } },
    validate: checkRules,
  });
  for (const { schema } of readSchemaFiles()) ajv.addSchema(schema);
  return ajv;
}

let instance: Ajv2020 | undefined;

/**
 * The one Ajv instance (JSON Schema 2020-12, strict mode, all errors) with ajv-formats, Twilio's
 * formats and every schema in `schemas/` registered by `$id`. Created on first use.
 */
export function getAjv(): Ajv2020 {
  instance ??= createAjv();
  return instance;
}

/**
 * The compiled validator of a schema file or `$ref`, compiled once and cached by Ajv.
 *
 * @param ref - relative to `schemas/`, e.g. `strict/participant.json` or `requests/ListParticipant.json#/$defs/query`
 * @throws Error when no such schema is registered (a defect in the catalogue, not a user error)
 */
export function getValidator(ref: string): ValidateFunction {
  const validate = getAjv().getSchema(SCHEMA_ID_BASE + ref);
  if (!validate) throw new Error(`Failed to find schema ${ref} in schemas/`);
  return validate;
}
