import { schemaFile, type Profile, type ResourceKind } from "../validate/resources.js";
import { schemaRegex } from "./matchers.js";
import type { PactMatchingRules } from "./pact-file.js";
import { deref, rootNode, type Located } from "./_schema-nodes.js";

/** A matcher that pins a field less tightly than its schema. */
export interface WeakMatcher {
  /** `/response/body/<field>`, `*` standing for every array item, e.g. `/response/body/participants/*\/call_sid` */
  readonly path: string;
  readonly rule: "weak-matcher";
  /** Which matcher, and the regex the schema asks for */
  readonly message: string;
}

/** Matchers that pin a value at least as tightly as a schema's pattern, enum or format. */
const PINNING = new Set(["regex", "equality"]);

type Token = { readonly name: string } | { readonly item: true };

/** Splits a Pact JSON path (`$.participants[*].call_sid`, `$['Parameter1.Name']`) into steps; undefined for wildcards on names. */
function tokens(path: string): Token[] | undefined {
  const steps = /\.([^.[\]]+)|\['((?:[^'\\]|\\.)*)'\]|\[(\*|\d+)\]/gy;
  const out: Token[] = [];
  steps.lastIndex = 1;
  if (!path.startsWith("$")) return undefined;
  while (steps.lastIndex < path.length) {
    const step = steps.exec(path);
    if (!step) return undefined;
    const name = step[1] ?? step[2]?.replace(/\\(.)/g, "$1");
    if (name === "*") return undefined;
    out.push(name === undefined ? { item: true } : { name });
  }
  return out;
}

/** Follows `$ref`s and steps into the non-null branch of a nullable `anyOf`; undefined for any other `anyOf`. */
function unwrap(at: Located): Located | undefined {
  const found = deref(at);
  if (!found.node.anyOf) return found;
  const branches = found.node.anyOf.filter((branch) => branch.type !== "null");
  return branches.length === 1 ? unwrap({ node: branches[0]!, file: found.file }) : undefined;
}

function nodeAt(root: Located, steps: readonly Token[]): Located | undefined {
  let at: Located | undefined = unwrap(root);
  for (const step of steps) {
    const next: Located["node"] | undefined = "item" in step ? at?.node.items : at?.node.properties?.[step.name];
    at = next && at ? unwrap({ node: next, file: at.file }) : undefined;
  }
  return at;
}

/**
 * The response-body matching rules that pin a field less tightly than its schema: a `type` (or any
 * other non-regex, non-equality) matcher on a field whose schema has a `pattern` (SIDs), an `enum`,
 * or the RFC 2822 date format. A regex matcher counts as pinning: which regex is the consumer's choice.
 * Rules on paths the schema does not describe are left to schema validation.
 *
 * @param kind - the response's resource kind, e.g. `participant-page`
 * @param profile - whose schema to read (`schemas/` or `schemas/strict/`)
 * @param rules - the response's `matchingRules.body`, keyed by Pact JSON path
 * @returns one entry per weak rule, in the rules' order
 * @throws Error when a schema `$ref` does not resolve (a packaging defect)
 */
export function weakMatchers(kind: ResourceKind, profile: Profile, rules: PactMatchingRules[string]): WeakMatcher[] {
  const root = rootNode(schemaFile(kind, profile));
  return Object.entries(rules).flatMap(([path, rule]): WeakMatcher[] => {
    const steps = tokens(path);
    const leaf = steps && nodeAt(root, steps);
    const regex = leaf && schemaRegex(leaf.node);
    const matchers = rule.matchers ?? [];
    if (regex === undefined || matchers.length === 0 || matchers.some((m) => PINNING.has(m.match))) return [];
    const pointer = steps!.map((s) => ("item" in s ? "*" : s.name)).join("/");
    const used = matchers.map((m) => m.match).join(", ");
    return [{ path: `/response/body/${pointer}`, rule: "weak-matcher", message: `is pinned by a ${used} matcher, weaker than its schema: use regex ${JSON.stringify(regex)}` }];
  });
}
