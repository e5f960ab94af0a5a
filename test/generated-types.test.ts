import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { GENERATED_TYPES_FILE, generateTypes } from "../scripts/generate-types.js";

it("src/generated/schemas.ts is up to date with schemas/ (run `npm run generate:types`)", async () => {
  expect(readFileSync(GENERATED_TYPES_FILE, "utf8")).toBe(await generateTypes());
});
