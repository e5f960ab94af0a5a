// internal: what a kit factory's definition takes from its resource kind: its name, the strict check and the invalid-fixture catalogue.
import type { ResourceKind, ResourceTypes } from "../validate/resources.js";
import type { ValidationIssue } from "../validate/issues.js";
import { validateResource } from "../validate/validate.js";
import { invalidCase, type InvalidRuleName } from "./invalid/catalogue.js";
import type { InvalidCase } from "./invalid/types.js";

/** The `name`, `validate` (strict profile) and `invalid` of a definition for one of the kit's kinds. */
export function ofKind<K extends ResourceKind>(
  kind: K,
): {
  name: K;
  validate: (value: unknown) => readonly ValidationIssue[];
  invalid: (rule: InvalidRuleName) => InvalidCase<ResourceTypes["strict"][K]>;
} {
  return {
    name: kind,
    validate: (value) => {
      const result = validateResource(kind, value, { profile: "strict" });
      return result.ok ? [] : result.issues;
    },
    invalid: (rule) => invalidCase(kind, rule) as unknown as InvalidCase<ResourceTypes["strict"][K]>,
  };
}
