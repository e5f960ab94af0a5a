import type { ErrorObject } from "ajv";
import { printable } from "../_printable.js";
import { toPointerToken } from "../catalogue/_json-pointer.js";

/**
 * One way a value fails a schema. `path` and `rule` are meant for people and tests; the rest is
 * Ajv's own record, kept for tools.
 */
export interface ValidationIssue {
  /** JSON pointer of the offending field, e.g. `/participants/0/call_sid`; `""` for the whole value */
  readonly path: string;
  /** The JSON Schema keyword that failed (`required`, `pattern`, `format`, `enum`, …) or, for cross-field rules, the rule's name (`participant-uri`) */
  readonly rule: string;
  /** One sentence for people, e.g. `must match pattern "^CA[0-9a-fA-F]{32}$" (Call SID: CA and 32 hex digits)` */
  readonly message: string;
  /** Ajv's keyword */
  readonly keyword: string;
  /** Where in the schema the keyword sits */
  readonly schemaPath: string;
  /** Ajv's keyword parameters, e.g. `{ missingProperty: "call_sid" }` */
  readonly params: Readonly<Record<string, unknown>>;
}

function pathOf(e: ErrorObject): string {
  if (e.keyword === "required") return `${e.instancePath}/${toPointerToken(String(e.params.missingProperty))}`;
  if (e.keyword === "additionalProperties")
    return `${e.instancePath}/${toPointerToken(String(e.params.additionalProperty))}`;
  return e.instancePath;
}

function messageOf(e: ErrorObject): string {
  if (e.keyword === "enum")
    return `must be one of ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
  if (e.keyword === "additionalProperties") return "is not a documented field";
  if (e.keyword === "required") return "is required";
  const base = e.message ?? `must pass ${e.keyword}`;
  const description = (e.parentSchema as { description?: unknown } | undefined)?.description;
  const explains = EXPLAINED_KEYWORDS.has(e.keyword) && typeof description === "string";
  return explains ? `${base} (${description})` : base;
}

/** Keywords whose failure reads better with the schema's description, e.g. "Call SID: CA and 32 hex digits". */
const EXPLAINED_KEYWORDS = new Set(["pattern", "format", "type"]);

/** A value of the wrong type fails its `enum` too; the type error says it all (a nullable field's "must be null" does not). */
const isEnumAfterType = (e: ErrorObject, all: readonly ErrorObject[]): boolean =>
  e.keyword === "enum" &&
  all.some((o) => o.keyword === "type" && o.params.type !== "null" && o.instancePath === e.instancePath);

/** A nullable field is `anyOf: [X, {type: "null"}]`; when it fails, its "must be null" and "must match a schema in anyOf" errors say nothing new. */
function isNullableNoise(e: ErrorObject, all: readonly ErrorObject[]): boolean {
  const noise = e.keyword === "anyOf" || (e.keyword === "type" && e.params.type === "null");
  return (
    noise &&
    all.some(
      (o) =>
        o !== e &&
        o.instancePath === e.instancePath &&
        o.keyword !== "anyOf" &&
        !(o.keyword === "type" && o.params.type === "null"),
    )
  );
}

/**
 * Turns Ajv's errors into issues: one per broken field and rule, in Ajv's order.
 *
 * @param errors - `validate.errors` after a failed validation
 */
export function toIssues(errors: readonly ErrorObject[]): ValidationIssue[] {
  // One error (the usual failure) is one issue: nothing to drop as noise or as a repeat.
  if (errors.length === 1) return [toIssue(errors[0]!)];
  const seen = new Set<string>();
  const issues: ValidationIssue[] = [];
  for (const e of errors) {
    if (isNullableNoise(e, errors) || isEnumAfterType(e, errors)) continue;
    const issue = toIssue(e);
    const key = `${issue.path}\u0000${issue.rule}\u0000${issue.message}`;
    if (!seen.has(key)) issues.push(issue);
    seen.add(key);
  }
  return issues;
}

function toIssue(e: ErrorObject): ValidationIssue {
  return {
    path: pathOf(e),
    rule: typeof e.params.rule === "string" ? e.params.rule : e.keyword,
    message: messageOf(e),
    keyword: e.keyword,
    schemaPath: e.schemaPath,
    params: e.params,
  };
}

/**
 * Prints issues for people, one per line: `  /call_sid  must match pattern … [pattern]`. A path or
 * message that carries control characters from the input (a key with a line feed or an ANSI escape)
 * shows them escaped (`\n`, `\u001b`), so that each issue stays on its line and nothing reaches a
 * terminal raw.
 *
 * @param issues - from a failed validation
 * @returns several lines, no trailing newline; `(root)` stands for the empty path
 */
export function formatIssues(issues: readonly ValidationIssue[]): string {
  const head = `${issues.length} issue${issues.length === 1 ? "" : "s"}:`;
  return [head, ...issues.map((i) => `  ${printable(i.path) || "(root)"}  ${printable(i.message)}  [${i.rule}]`)].join(
    "\n",
  );
}
