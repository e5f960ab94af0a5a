import { MatchersV3 } from "./_pact.js";
import { TestkitError } from "../errors.js";
import { RFC_2822_PATTERN } from "../rfc2822.js";
import { schemaFile, type ResourceKind } from "../validate/resources.js";
import { assertResource } from "../validate/validate.js";
import { child, isNullable, nonNull, rootNode, type Located, type SchemaNode } from "../catalogue/schema-nodes.js";

/**
 * A Pact body template, as PactV4's `jsonBody()` takes it: MatchersV3 matchers, `null`, and arrays
 * and objects of them.
 */
export type BodyTemplate =
  | MatchersV3.Matcher<unknown>
  | null
  | readonly BodyTemplate[]
  | { readonly [key: string]: BodyTemplate };

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

/** RFC 2822 as status callbacks write it, with a day of one or two digits (WEBHOOKS.md section 2.4). */
const CALLBACK_RFC_2822_PATTERN = RFC_2822_PATTERN.replace("(0[1-9]|", "(0?[1-9]|");

/**
 * RFC 3339's date-time as ajv-formats' `date-time` reads it (stream callbacks' ISO 8601 `Timestamp`,
 * WEBHOOKS.md section 5): `T`, `t` or a space between date and time, optional fractional seconds, `Z` or an offset.
 */
const DATE_TIME_PATTERN =
  "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[Tt ]([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$";

/** The regex of each date format the schemas use. */
const FORMAT_PATTERNS: Readonly<Record<string, string>> = {
  "date-time-rfc-2822": RFC_2822_PATTERN,
  "date-time-rfc-2822-callback": CALLBACK_RFC_2822_PATTERN,
  "date-time": DATE_TIME_PATTERN,
};

/**
 * The regex a Pact matcher must use for a value of this schema node to be pinned as tightly as the
 * schema: the `enum` as an alternation, the RFC 2822 regex for `date-time-rfc-2822` (with a day of
 * one digit too for `date-time-rfc-2822-callback`), RFC 3339's for `date-time`, else the node's
 * `pattern`; undefined when a type matcher is as tight as the schema.
 *
 * @param node - a dereferenced, non-nullable schema node
 */
export function schemaRegex(node: SchemaNode): string | undefined {
  if (node.enum) return enumPattern(node.enum);
  if (node.format !== undefined && Object.hasOwn(FORMAT_PATTERNS, node.format)) return FORMAT_PATTERNS[node.format];
  return node.pattern;
}

/**
 * A rule a body template cannot carry, as a pact file records it: Pact's integration JSON adds every
 * embedded matcher with `AND`, so "null or X" goes into the interaction's matching rules instead.
 */
export interface NullOrRule {
  readonly combine: "OR";
  /** `{ match: "null" }`, then the matcher of the non-null value (`regex`, `integer`, `number`, `boolean`) */
  readonly matchers: readonly [{ readonly match: "null" }, { readonly match: string; readonly regex?: string }];
}

/** A response body for PactV4: the template for `jsonBody()` and the rules to add beside it. */
export interface ResponseMatcher {
  /** The template, with only the chosen top-level fields */
  readonly body: { readonly [field: string]: BodyTemplate };
  /** `null or X` rules by Pact JSON path (`$.label`, `$.participants[*].label`), for the response's `matchingRules.body` */
  readonly rules: Readonly<Record<string, NullOrRule>>;
}

/**
 * Matches any value: Pact's regex matcher reads a non-string as its JSON text. Pact has no matcher for
 * "any string" that does not compare with the example, and the example of a nullable field may be null.
 */
const ANY_VALUE = "^[\\s\\S]*$";

/** The matcher a non-null scalar of `node` must pass, whatever the example (a type matcher would compare with a null example). */
function nonNullMatcher(node: SchemaNode): NullOrRule["matchers"][1] {
  const regex = schemaRegex(node);
  if (regex !== undefined) return { match: "regex", regex };
  const types = [node.type].flat();
  if (types.includes("boolean")) return { match: "boolean" };
  if (types.includes("integer")) return { match: "integer" };
  if (types.includes("number")) return { match: "number" };
  return { match: "regex", regex: ANY_VALUE };
}

/** The scalar node of a nullable field (`type: [X, "null"]`, or an `anyOf` with a `null` branch); undefined when not nullable or not a scalar. */
function nullableScalar(located: Located): SchemaNode | undefined {
  const at = nonNull(located);
  if (!at || !isNullable(located)) return undefined;
  const types = [at.node.type].flat().filter((t) => t !== "null");
  return types.some((t) => t === "object" || t === "array") || at.node.properties || at.node.items
    ? undefined
    : at.node;
}

/** A JSON path step for a property: `.name`, or `['na.me']` when the name is not an identifier. */
const step = (key: string): string =>
  /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `.${key}` : `['${key.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}']`;

/**
 * Derives the template of one value from its schema, adding the `null or X` rule of each nullable
 * scalar below `path` to `rules`; `example` has been validated against that schema.
 */
function derive(located: Located, example: unknown, path: string, rules: Record<string, NullOrRule>): BodyTemplate {
  const nullable = nullableScalar(located);
  if (nullable) {
    rules[path] = { combine: "OR", matchers: [{ match: "null" }, nonNullMatcher(nullable)] };
    return example as BodyTemplate;
  }
  if (example === null) return null;
  const at = nonNull(located);
  if (!at)
    throw new Error(
      `Failed to derive a matcher from schemas/${located.file}: an anyOf with other than one non-null branch`,
    );
  const { node } = at;
  const regex = schemaRegex(node);
  if (regex !== undefined) return MatchersV3.regex(regex, String(example));
  if (Array.isArray(example)) {
    if (example.length === 0) return [];
    const items = child(at, node.items, "array items");
    const first = derive(items, example[0], `${path}[*]`, rules);
    return {
      "pact:matcher:type": "type",
      min: 1,
      value: [first, ...(example.slice(1) as BodyTemplate[])],
    } as MatchersV3.MinLikeMatcher<BodyTemplate[]>;
  }
  switch (typeof example) {
    case "string":
      return MatchersV3.string(example);
    case "boolean":
      return MatchersV3.boolean(example);
    case "number":
      return [node.type].flat().includes("integer") ? MatchersV3.integer(example) : MatchersV3.number(example);
    case "object":
      return Object.fromEntries(
        Object.entries(example).map(([key, value]) => [
          key,
          derive(child(at, node.properties?.[key], `property ${key}`), value, `${path}${step(key)}`, rules),
        ]),
      );
    default:
      throw new Error(`Failed to derive a matcher from schemas/${at.file}: ${typeof example} is not JSON`);
  }
}

/**
 * Derives a Pact response body from a resource's strict schema and an example: SIDs and other
 * `pattern` strings become `regex(pattern, example)`, RFC 2822 dates `regex(RFC_2822_PATTERN, …)`,
 * enums a regex alternation `^(a|b)$`, booleans `boolean`, integers `integer`, other strings
 * `string`; objects are derived field by field. A nullable scalar keeps its example value (null or
 * not) in the template and gets a rule `null OR X` in `rules`, X being its regex, `integer`,
 * `number`, `boolean`, or any value for free text (Pact's type matcher would compare with a null
 * example). An array keeps every example item and is matched as Pact's `eachLike` (`type`, `min: 1`)
 * with the first item's matchers for every item, so that a page of any length and with nulls in some
 * items and not others matches; an empty array is pinned as `[]`. A nullable object stays the literal
 * `null` when its example is null.
 *
 * @param kind - the resource kind, e.g. `participant`; its strict schema (`schemas/strict/<kind>.json`) is used
 * @param example - a body that passes the strict schema, e.g. a seeded factory build; becomes the contract's example values
 * @param options - `fields`: the top-level fields to pin (default: all of the example's)
 * @returns `body`, a template for PactV4's `jsonBody()` with only the chosen top-level fields, and
 *   `rules`, the `null or X` rules to add to the response's body matching rules (see `addTwilioInteraction`)
 * @throws ValidationError (code `INVALID_BODY`) when `example` does not pass the strict schema
 * @throws TestkitError `USAGE` when `fields` names a field the strict schema does not have
 * @throws Error when a `$ref` does not resolve (a packaging defect)
 * @example
 * ```ts
 * const { body, rules } = responseMatcher("participant", participantFactory.seed(1).build(), { fields: ["call_sid", "label"] });
 * // body: { call_sid: regex("^CA[0-9a-fA-F]{32}$", "CA…"), label: "agent" }
 * // rules: { "$.label": { combine: "OR", matchers: [{ match: "null" }, { match: "regex", regex: "^[\\s\\S]*$" }] } }
 * ```
 * @see README.md, "Contracts"
 */
export function responseMatcher(
  kind: ResourceKind,
  example: unknown,
  options: ResponseMatcherOptions = {},
): ResponseMatcher {
  assertResource(kind, example, { profile: "strict" });
  return derivedMatcher(schemaFile(kind, "strict"), kind, example as Readonly<Record<string, unknown>>, options.fields);
}

/**
 * The template and `null or X` rules of an object that passed the strict schema `file` (relative to
 * `schemas/`), for the chosen top-level fields (default all): what {@link responseMatcher} derives,
 * for any schema (callbacks' too).
 *
 * @param what - the kind named in errors
 * @throws TestkitError `USAGE` when `fields` names a field the schema does not have
 */
export function derivedMatcher(
  file: string,
  what: string,
  body: Readonly<Record<string, unknown>>,
  fields: readonly string[] = Object.keys(body),
): ResponseMatcher {
  const root = rootNode(file);
  const unknown = fields.filter((field) => !Object.hasOwn(root.node.properties ?? {}, field));
  if (unknown.length > 0) {
    throw new TestkitError(
      "USAGE",
      `Failed to derive matchers for ${what}: ${unknown.join(", ")} not in schemas/${file}`,
    );
  }
  const rules: Record<string, NullOrRule> = {};
  const template = Object.fromEntries(
    fields.map((field) => [
      field,
      derive(child(root, root.node.properties?.[field], field), body[field], `$${step(field)}`, rules),
    ]),
  );
  return { body: template, rules };
}
