import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { GENERATED_VALIDATORS, generateValidators, type ValidatorSet } from "../scripts/generate-validators.js";

it.each(Object.keys(GENERATED_VALIDATORS) as ValidatorSet[])(
  "the generated %s validators are up to date with schemas/ and the Ajv setup (run `npm run generate:validators`)",
  (set) => {
    expect(readFileSync(GENERATED_VALIDATORS[set].file, "utf8")).toBe(generateValidators(set));
  },
);
