// internal: looking a case up in a catalogue of invalid rules (resources' INVALID_RULES, callbacks' CALLBACK_INVALID_RULES).
import { TestkitError } from "../../errors.js";

/** A catalogue of invalid rules: each rule's cases, keyed by the kind they break. */
type RuleCatalogue<N extends string> = Readonly<Record<N, { readonly cases: object }>>;

/** The names of the rules of `rules` that have a case for `kind`, in catalogue order. */
export function rulesCovering<N extends string>(rules: RuleCatalogue<N>, kind: string): N[] {
  return (Object.keys(rules) as N[]).filter((name) => Object.hasOwn(rules[name].cases, kind));
}

/**
 * The case of `rule` for `kind`.
 *
 * @param subject - what is broken, for the message: `participant`, `stream-status callback`
 * @throws TestkitError `USAGE` for a rule that is unknown or has no case for `kind`, listing those that do
 */
export function caseOf<N extends string>(
  rules: RuleCatalogue<N>,
  kind: string,
  rule: string,
  subject: string,
): unknown {
  const cases = Object.hasOwn(rules, rule) ? (rules[rule as N].cases as Readonly<Record<string, unknown>>) : undefined;
  const found = cases && Object.hasOwn(cases, kind) ? cases[kind] : undefined;
  if (found === undefined)
    throw new TestkitError(
      "USAGE",
      `Failed to break ${subject} with rule "${rule}": rules for ${kind} are ${rulesCovering(rules, kind).join(", ")}`,
    );
  return found;
}
