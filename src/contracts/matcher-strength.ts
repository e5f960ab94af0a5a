import { schemaFile, type Profile, type ResourceKind } from "../validate/resources.js";
import { schemaRegex } from "./matchers.js";
import type { PactMatchingRules } from "./pact-file.js";
import { nonNull, rootNode, type Located } from "../catalogue/schema-nodes.js";
import { toPointerToken } from "../catalogue/_json-pointer.js";

/** A pinned field whose matcher is weaker than its schema. */
export interface WeakMatcher {
  /** `/response/body/<field>` (`/contents/<field>` for a callback message), `*` standing for every array item, e.g. `/response/body/participants/*\/call_sid` */
  readonly path: string;
  readonly rule: "weak-matcher";
  /** Which matcher, where it is declared, and the regex the schema asks for */
  readonly message: string;
}

/** Matchers that pin a value at least as tightly as a schema's pattern, enum or format. */
const PINNING = new Set(["regex", "equality"]);

/** One step of a JSON path: a property name (`*` for any), or an array item (`undefined` index for any). */
type Step = { readonly name: string } | { readonly index: number | undefined };

/** Splits a Pact JSON path (`$.participants[*].call_sid`, `$['Parameter1.Name']`, `$.*`) into steps; undefined when it is not one. */
function steps(path: string): Step[] | undefined {
  const step = /\.([^.[\]]+)|\['((?:[^'\\]|\\.)*)'\]|\[(\*|\d+)\]/gy;
  if (!path.startsWith("$")) return undefined;
  const out: Step[] = [];
  step.lastIndex = 1;
  while (step.lastIndex < path.length) {
    const found = step.exec(path);
    if (!found) return undefined;
    const name = found[1] ?? found[2]?.replace(/\\(.)/g, "$1");
    out.push(name !== undefined ? { name } : { index: found[3] === "*" ? undefined : Number(found[3]) });
  }
  return out;
}

/** Whether a rule's step covers a concrete step of a value's path. */
function covers(rule: Step, at: Step): boolean {
  if ("name" in rule) return "name" in at && (rule.name === "*" || rule.name === at.name);
  return "index" in at && (rule.index === undefined || rule.index === at.index);
}

/** Wildcards weigh less than names and indexes, so that `$.a.b` beats `$.a.*` on the same value. */
const weight = (path: readonly Step[]): number =>
  path.reduce((sum, s) => sum + ("name" in s ? (s.name === "*" ? 1 : 2) : s.index === undefined ? 1 : 2), 0);

interface Rule {
  readonly path: string;
  readonly steps: readonly Step[];
  readonly matchers: readonly string[];
  readonly combine: "AND" | "OR";
}

/**
 * Whether a rule pins a value at least as tightly as its schema: with `AND` (Pact's default) one
 * pinning matcher is enough; with `OR` every matcher but `null` must pin (`null OR regex` pins a
 * nullable SID, `null OR type` does not).
 */
const pins = (rule: Rule): boolean =>
  rule.combine === "OR"
    ? rule.matchers.every((m) => m === "null" || PINNING.has(m)) && rule.matchers.some((m) => m !== "null")
    : rule.matchers.some((m) => PINNING.has(m));

/**
 * The rule that applies to a value: Pact applies the most specific rule declared on the value or on
 * any of its ancestors (a `like` or `eachLike` on a list type-matches everything below it).
 */
function ruleFor(at: readonly Step[], rules: readonly Rule[]): Rule | undefined {
  const applying = rules.filter(
    (r) => r.steps.length <= at.length && r.steps.every((s, i) => covers(s, at[i] as Step)),
  );
  return applying.sort((a, b) => b.steps.length - a.steps.length || weight(b.steps) - weight(a.steps))[0];
}

/**
 * Every scalar of `value` with its path and schema node, where the schema describes it. What the
 * schema does not describe is not walked, so that a body nested deeper than its schema (a hostile
 * `[[[[…]]]]`) costs nothing and cannot exhaust the stack; a property is looked up as the schema's
 * own, so that a key such as `constructor` is a key like any other.
 */
function* leaves(
  value: unknown,
  at: Located | undefined,
  path: readonly Step[],
): Generator<{ path: readonly Step[]; node: Located }> {
  if (at === undefined) return;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries())
      yield* leaves(item, at.node.items && nonNull({ node: at.node.items, file: at.file }), [...path, { index: i }]);
  } else if (typeof value === "object" && value !== null) {
    const properties = at.node.properties;
    for (const [key, item] of Object.entries(value)) {
      const child = properties && Object.hasOwn(properties, key) ? properties[key] : undefined;
      yield* leaves(item, child && nonNull({ node: child, file: at.file }), [...path, { name: key }]);
    }
  } else if (value !== null) yield { path, node: at };
}

const pointer = (path: readonly Step[]): string =>
  path.map((s) => ("name" in s ? toPointerToken(s.name) : "*")).join("/");

/**
 * The pinned fields of a response body whose matcher is weaker than their schema: a field whose
 * schema has a `pattern` (SIDs), an `enum` or the RFC 2822 date format, but whose applying rule (its
 * own, or the most specific one on an ancestor, as Pact applies them: `eachLike` on a list
 * type-matches the SIDs inside) is a `type` or other non-regex, non-equality matcher (with
 * `combine: "OR"`, any matcher besides `null` that does not pin). A field with no applying rule is
 * matched by equality, and a regex matcher counts as pinning: which regex is the consumer's choice. Fields the schema does not describe are left to schema validation.
 *
 * @param kind - the response's resource kind, e.g. `participant-page`
 * @param profile - whose schema to read (`schemas/` or `schemas/strict/`)
 * @param body - the response's example body
 * @param rules - the response's `matchingRules.body`, keyed by Pact JSON path
 * @returns one entry per weakly pinned field (list items folded into `*`), in body order
 * @throws Error when a schema `$ref` does not resolve (a packaging defect)
 * @example
 * ```ts
 * weakMatchers("participant", "strict", { call_sid: "CA…" }, { "$.call_sid": { matchers: [{ match: "type" }] } });
 * // [{ path: "/response/body/call_sid", rule: "weak-matcher", message: "is pinned by a type matcher on $.call_sid, …" }]
 * ```
 */
export function weakMatchers(
  kind: ResourceKind,
  profile: Profile,
  body: unknown,
  rules: PactMatchingRules[string],
): WeakMatcher[] {
  return weakMatchersIn(schemaFile(kind, profile), "/response/body", body, rules);
}

/**
 * {@link weakMatchers} for any schema file (relative to `schemas/`, e.g. `callbacks/strict/call-progress.json`),
 * the paths reported under `prefix` (e.g. `/contents`).
 */
export function weakMatchersIn(
  file: string,
  prefix: string,
  body: unknown,
  rules: PactMatchingRules[string],
): WeakMatcher[] {
  const declared = Object.entries(rules).flatMap(([path, rule]): Rule[] => {
    const parsed = steps(path);
    return parsed
      ? [{ path, steps: parsed, matchers: (rule.matchers ?? []).map((m) => m.match), combine: rule.combine ?? "AND" }]
      : [];
  });
  const found = new Map<string, WeakMatcher>();
  for (const leaf of leaves(body, nonNull(rootNode(file)), [])) {
    const regex = schemaRegex(leaf.node.node);
    const rule = regex === undefined ? undefined : ruleFor(leaf.path, declared);
    if (!rule || rule.matchers.length === 0 || pins(rule)) continue;
    const path = `${prefix}/${pointer(leaf.path)}`;
    const message = `is pinned by a ${rule.matchers.join(", ")} matcher on ${rule.path}, weaker than its schema: use regex ${JSON.stringify(regex)}`;
    if (!found.has(path)) found.set(path, { path, rule: "weak-matcher", message });
  }
  return [...found.values()];
}
