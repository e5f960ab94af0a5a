// Walks the schemas in schemas/ node by node, resolving $refs across files, for code that derives
// something from a schema (Pact matchers, wire-value coercion) or checks something against one
// (contract matchers).
import { readSchemaDocument, SCHEMA_ID_BASE } from "./schema-files.js";
import { fromPointerToken } from "./_json-pointer.js";

/** The few JSON Schema keywords read here (twilioRules and bounds are ignored). */
export interface SchemaNode {
  readonly $ref?: string;
  readonly anyOf?: readonly SchemaNode[];
  readonly type?: string | readonly string[];
  readonly enum?: readonly unknown[];
  readonly pattern?: string;
  readonly format?: string;
  readonly items?: SchemaNode;
  readonly properties?: Readonly<Record<string, SchemaNode>>;
}

/** A schema node and the file it lives in (relative to `schemas/`), against which its `$ref`s resolve. */
export interface Located {
  readonly node: SchemaNode;
  readonly file: string;
}

/** Resolves `ref` (e.g. `../common.json#/$defs/CallSid`) against the file that holds it. */
function resolveRef(ref: string, from: string): Located {
  const target = new URL(ref, SCHEMA_ID_BASE + from);
  const address = decodeURIComponent(target.href.slice(0, target.href.length - target.hash.length));
  const tokens = decodeURIComponent(target.hash.slice(1)).split("/").slice(1);
  const file = address.slice(SCHEMA_ID_BASE.length);
  const node = address.startsWith(SCHEMA_ID_BASE)
    ? tokens.reduce<unknown>(
        (at, token) => (at as Record<string, unknown> | undefined)?.[fromPointerToken(token)],
        readSchemaDocument(file),
      )
    : undefined;
  if (typeof node !== "object" || node === null) throw new Error(`Failed to resolve $ref ${ref} in schemas/${from}`);
  return { node: node as SchemaNode, file };
}

/** Follows `$ref`s until a node without one. */
function deref(at: Located): Located {
  return at.node.$ref === undefined ? at : deref(resolveRef(at.node.$ref, at.file));
}

/**
 * The node a value of `at` is checked against when it is not `null`: `$ref`s followed, and a nullable
 * `anyOf` (`[{ $ref }, { type: "null" }]`) stepped into, as often as they nest.
 *
 * @returns the node, or undefined for an `anyOf` with other than one non-null branch
 */
export function nonNull(at: Located): Located | undefined {
  const found = deref(at);
  if (!found.node.anyOf) return found;
  const branches = found.node.anyOf.filter((branch) => branch.type !== "null");
  return branches.length === 1 ? nonNull({ node: branches[0] as SchemaNode, file: found.file }) : undefined;
}

/** Whether a value of `at` may be `null`: its type lists `null`, or an `anyOf` (after `$ref`s) has a `null` branch. */
export function isNullable(at: Located): boolean {
  const found = deref(at);
  if ([found.node.type].flat().includes("null")) return true;
  return (found.node.anyOf ?? []).some((branch) => isNullable({ node: branch, file: found.file }));
}

/** A sub-node of `at` (a property or `items`), in the same file; throws when the schema does not describe it. */
export function child(at: Located, node: SchemaNode | undefined, where: string): Located {
  if (!node) throw new Error(`Failed to read schemas/${at.file}: it does not describe ${where}`);
  return { node, file: at.file };
}

/** The dereferenced root of a schema file, e.g. `strict/participant.json`. */
export function rootNode(file: string): Located {
  return deref({ node: readSchemaDocument(file) as SchemaNode, file });
}

/**
 * The dereferenced node a ref names, e.g. `requests/ListParticipant.json#/$defs/query`.
 *
 * @throws Error when it does not resolve (a packaging defect)
 */
export function schemaNode(ref: string): Located {
  return deref({ node: { $ref: ref }, file: "" });
}
