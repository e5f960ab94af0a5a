import { MatchersV3 } from "./_pact.js";
import { TestkitError } from "../errors.js";
import { RFC_2822_PATTERN } from "../rfc2822.js";
import { schemaFile, type ResourceKind } from "../validate/resources.js";
import { assertResource } from "../validate/validate.js";
import { child, nonNull, rootNode, type Located, type SchemaNode } from "../catalogue/schema-nodes.js";

/**
 * A Pact body template, as PactV4's `jsonBody()` takes it: MatchersV3 matchers, `null`, and arrays
 * and objects of them.
 */
export type BodyTemplate = MatchersV3.Matcher<unknown> | null | readonly BodyTemplate[] | { readonly [key: string]: BodyTemplate };

/** Options of {@link responseMatcher}. */
export interface ResponseMatcherOptions {
  /**
   * The top-level fields the consumer relies on, e.g. `["call_sid", "status"]`; only these are pinned
   * and the others are left out of the contract. Default: every field of the example.
   */
  readonly fields?: readonly string[];
}

/**
 * A regex that matches exactly one of `values`, for Pact's `regex` matcher: `^(a|b|c)$`, with regex
 * metacharacters escaped. Plain syntax that JavaScript and Pact's Rust regex engine read alike.
 *
 * @param values - the enum's values, e.g. `["queued", "in-progress"]`
 * @returns e.g. `^(queued|in-progress)$`
 * @example `MatchersV3.regex(enumPattern(["GET", "POST"]), "POST")`
 */
export function enumPattern(values: readonly unknown[]): string {
  return `^(${values.map((value) => String(value).replace(/[\\^$.*+?()[\]{}|]/g, "\\$&")).join("|")})$`;
}

/**
 * The regex a Pact matcher must use for a value of this schema node to be pinned as tightly as the
 * schema: the `enum` as an alternation, the RFC 2822 regex for `date-time-rfc-2822`, else the
 * node's `pattern`; undefined when a type matcher is as tight as the schema.
 *
 * @param node - a dereferenced, non-nullable schema node
 */
export function schemaRegex(node: SchemaNode): string | undefined {
  if (node.enum) return enumPattern(node.enum);
  if (node.format === "date-time-rfc-2822") return RFC_2822_PATTERN;
  return node.pattern;
}

/** Derives the template of one value from its schema; `example` has been validated against that schema. */
function derive(located: Located, example: unknown): BodyTemplate {
  if (example === null) return null;
  const at = nonNull(located);
  if (!at) throw new Error(`Failed to derive a matcher from schemas/${located.file}: an anyOf with other than one non-null branch`);
  const { node } = at;
  const regex = schemaRegex(node);
  if (regex !== undefined) return MatchersV3.regex(regex, String(example));
  if (Array.isArray(example)) return example.length === 0 ? [] : MatchersV3.eachLike(derive(child(at, node.items, "array items"), example[0]));
  switch (typeof example) {
    case "string":
      return MatchersV3.string(example);
    case "boolean":
      return MatchersV3.boolean(example);
    case "number":
      return [node.type].flat().includes("integer") ? MatchersV3.integer(example) : MatchersV3.number(example);
    case "object":
      return Object.fromEntries(Object.entries(example).map(([key, value]) => [key, derive(child(at, node.properties?.[key], `property ${key}`), value)]));
    default:
      throw new Error(`Failed to derive a matcher from schemas/${at.file}: ${typeof example} is not JSON`);
  }
}

/**
 * Derives a Pact response body from a resource's strict schema and an example: SIDs and other
 * `pattern` strings become `regex(pattern, example)`, RFC 2822 dates `regex(RFC_2822_PATTERN, …)`,
 * enums a regex alternation `^(a|b)$`, booleans `boolean`, integers `integer`, other strings
 * `string`; a nullable field whose example is `null` stays the literal `null`; arrays become
 * `eachLike` of their first item (an empty array is pinned as `[]`); objects are derived field by field.
 *
 * @param kind - the resource kind, e.g. `participant`; its strict schema (`schemas/strict/<kind>.json`) is used
 * @param example - a body that passes the strict schema, e.g. a seeded factory build; becomes the contract's example values
 * @param options - `fields`: the top-level fields to pin (default: all of the example's)
 * @returns a template for PactV4's `jsonBody()`, with only the chosen top-level fields
 * @throws ValidationError (code `INVALID_BODY`) when `example` does not pass the strict schema
 * @throws TestkitError `USAGE` when `fields` names a field the strict schema does not have
 * @throws Error when a `$ref` does not resolve (a packaging defect)
 * @example
 * ```ts
 * const body = responseMatcher("participant", participantFactory.seed(1).build(), { fields: ["call_sid", "status"] });
 * // { call_sid: regex("^CA[0-9a-fA-F]{32}$", "CA…"), status: regex("^(queued|…|failed)$", "connected") }
 * ```
 * @see README.md, "Contracts"
 */
export function responseMatcher(kind: ResourceKind, example: unknown, options: ResponseMatcherOptions = {}): { readonly [field: string]: BodyTemplate } {
  assertResource(kind, example, { profile: "strict" });
  const body = example as Readonly<Record<string, unknown>>;
  const file = schemaFile(kind, "strict");
  const root = rootNode(file);
  const fields = options.fields ?? Object.keys(body);
  const unknown = fields.filter((field) => !Object.hasOwn(root.node.properties ?? {}, field));
  if (unknown.length > 0) {
    throw new TestkitError("USAGE", `Failed to derive matchers for ${kind}: ${unknown.join(", ")} not in schemas/${file}`);
  }
  return Object.fromEntries(fields.map((field) => [field, derive(child(root, root.node.properties?.[field], field), body[field])]));
}
