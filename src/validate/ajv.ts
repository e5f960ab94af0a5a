import { createRequire } from "node:module";
import type { CodeKeywordDefinition, KeywordCxt, ValidateFunction } from "ajv";
import type { Ajv2020 } from "ajv/dist/2020.js";
import { readSchemaFiles, SCHEMA_ID_BASE } from "../catalogue/schema-files.js";
import { KIT_FORMATS } from "./formats.js";
import { CROSS_FIELD_RULES } from "./rules/index.js";
import { type PrecompiledValidator, RULES_KEYWORD, ruleErrors } from "./_validator-runtime.js";

// Ajv is loaded on first use, so that importing the kit does not pay for it (validation runs the
// precompiled validators of src/generated/).
const require = createRequire(import.meta.url);

/** Module specifiers that generated code imports, relative to `src/generated/`. */
export const GENERATED_IMPORTS = {
  runtime: "../validate/_validator-runtime.js",
  formats: "../validate/formats.js",
} as const;

/**
 * The `twilioRules` keyword as Ajv code: a call to {@link ruleErrors} whose errors join Ajv's own,
 * so that it also works in standalone (precompiled) validators.
 */
function rulesKeyword(): CodeKeywordDefinition {
  const { _ } = require("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js");
  const { strConcat } =
    require("ajv/dist/compile/codegen/index.js") as typeof import("ajv/dist/compile/codegen/index.js");
  const N = (require("ajv/dist/compile/names.js") as typeof import("ajv/dist/compile/names.js")).default;
  const { extendErrors } = require("ajv/dist/compile/errors.js") as typeof import("ajv/dist/compile/errors.js");
  return {
    keyword: RULES_KEYWORD,
    type: "object",
    schemaType: "array",
    trackErrors: true,
    metaSchema: { type: "array", items: { enum: Object.keys(CROSS_FIELD_RULES) } },
    code(cxt: KeywordCxt) {
      const { gen, data, it } = cxt;
      const check = gen.scopeValue("keyword", {
        ref: ruleErrors,
        code: _`require(${GENERATED_IMPORTS.runtime}).ruleErrors`,
      });
      const errors = gen.const(
        "ruleErrs",
        _`${check}(${cxt.schemaValue}, ${data}, ${strConcat(N.instancePath, it.errorPath)})`,
      );
      gen.if(_`${errors} !== null`, () => {
        gen
          .assign(N.vErrors, _`${N.vErrors} === null ? ${errors} : ${N.vErrors}.concat(${errors})`)
          .assign(N.errors, _`${N.vErrors}.length`);
        extendErrors(cxt);
      });
      cxt.ok(_`${errors} === null`);
    },
  };
}

/**
 * A new Ajv (JSON Schema 2020-12, strict mode, all errors, verbose) with ajv-formats and the kit's
 * formats (KIT_FORMATS), the `twilioRules` keyword and every schema in `schemas/` registered by `$id`:
 * {@link getAjv}'s, and scripts/generate-validators.ts's, which precompiles the same setup.
 *
 * @param standalone - make it keep each validator's source code, for src/generated/
 */
export function createAjv(standalone = false): Ajv2020 {
  const { Ajv2020, _ } = require("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js");
  const addFormats = (require("ajv-formats") as typeof import("ajv-formats")).default;
  const code = standalone
    ? { source: true, esm: true, lines: true, formats: _`require(${GENERATED_IMPORTS.formats}).FORMATS` }
    : {};
  const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true, verbose: true, code });
  addFormats(ajv);
  for (const [name, format] of Object.entries(KIT_FORMATS)) ajv.addFormat(name, format);
  ajv.addKeyword(rulesKeyword());
  for (const { schema } of readSchemaFiles()) ajv.addSchema(schema);
  return ajv;
}

let instance: Ajv2020 | undefined;

/**
 * The one Ajv instance (JSON Schema 2020-12, strict mode, all errors) with ajv-formats, the kit's
 * formats and every schema in `schemas/` registered by `$id`. Created (and Ajv loaded) on first
 * use; the validate functions do not need it, as they run validators precompiled from the same
 * schemas with the same setup (src/generated/).
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

/**
 * The precompiled validator of a schema file or request schema.
 *
 * @param validators - a map of src/generated/
 * @param ref - relative to `schemas/`, e.g. `strict/participant.json`
 * @throws Error when the map lacks it: src/generated/ is stale (run `npm run generate:validators`)
 */
export function validatorIn(
  validators: Readonly<Record<string, PrecompiledValidator>>,
  ref: string,
): PrecompiledValidator {
  if (!Object.hasOwn(validators, ref))
    throw new Error(`Failed to find the precompiled validator of ${ref}: run npm run generate:validators`);
  return validators[ref]!;
}
