import type { V4ResponseBuilder } from "@pact-foundation/pact/src/v4/http/types.js";
import type { NullOrRule } from "../matchers.js";

/** What pact-core's consumer interaction offers for rules; pact-js's ResponseBuilder keeps one as its protected `interaction`. */
interface RulesSink {
  withResponseMatchingRules(rules: string): unknown;
}

/**
 * Adds body matching rules with `combine: "OR"` to a PactV4 response. pact-js's public
 * `matchingRules()` drops `combine` (src/common/matchingRules.ts, convertRulesToFFI), so the rules go
 * to pact-core's `withResponseMatchingRules`, which reads Pact's own matching-rules JSON, `combine`
 * included, through the builder's interaction (a protected field of pact-js's ResponseBuilder in 16.x and 17.x).
 *
 * @throws Error when the builder has no such interaction (a pact-js whose ResponseBuilder changed)
 */
export function addResponseBodyRules(builder: V4ResponseBuilder, rules: Readonly<Record<string, NullOrRule>>): void {
  if (Object.keys(rules).length === 0) return;
  const sink = (builder as unknown as { interaction?: Partial<RulesSink> }).interaction;
  if (typeof sink?.withResponseMatchingRules !== "function") {
    throw new Error(
      "Failed to add null-or rules to the response: this @pact-foundation/pact's V4 response builder has no interaction to add them to",
    );
  }
  sink.withResponseMatchingRules(JSON.stringify({ body: rules }));
}
