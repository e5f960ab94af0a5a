import type { ResourceKind } from "../../validate/resources.js";
import { DATE_RULES } from "./dates.js";
import { PAGE_RULES } from "./pages.js";
import { caseOf, rulesCovering } from "./_rule-lookup.js";
import { SID_RULES } from "./sids.js";
import { STATE_RULES } from "./states.js";
import type { InvalidCases, InvalidRule } from "./types.js";
import { URI_RULES } from "./uris.js";

/**
 * Every way twilio-testkit can break a Twilio object, by name: each rule says which resource kinds it
 * applies to, how it breaks a valid object, and the one issue the validator then reports. The names
 * of cross-field rules are the validator's own (`coaching-has-target`, `page-arithmetic`, …); the
 * others name a schema keyword's failure (`sid-prefix` → `pattern`, `date-gmt` → `format`,
 * `status-enum` → `enum`).
 *
 * @see README "Invalid fixtures"
 */
export const INVALID_RULES = {
  ...SID_RULES,
  ...DATE_RULES,
  ...STATE_RULES,
  ...URI_RULES,
  ...PAGE_RULES,
} satisfies Record<string, InvalidRule>;

/** Name of a rule in {@link INVALID_RULES}, e.g. `sid-prefix`. */
export type InvalidRuleName = keyof typeof INVALID_RULES;

/**
 * The rules that apply to a resource kind, in catalogue order.
 *
 * @example `invalidRulesFor("error")` → `["more-info-matches-code"]`
 */
export function invalidRulesFor(kind: ResourceKind): InvalidRuleName[] {
  return rulesCovering(INVALID_RULES, kind);
}

/**
 * How to break `rule` on `kind`.
 *
 * @throws TestkitError `USAGE` for a rule that is unknown or does not apply to `kind`, listing those that do
 */
export function invalidCase(kind: ResourceKind, rule: string): NonNullable<InvalidCases[ResourceKind]> {
  return caseOf(INVALID_RULES, kind, rule, kind) as NonNullable<InvalidCases[ResourceKind]>;
}
