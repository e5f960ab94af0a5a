// internal: the kit's schema files, read straight from schemas/ for the baselines (json-schema-faker, raw ajv).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./_kit.js";

/** A schema document with its `$id`. */
export type SchemaDoc = { readonly $id: string } & Record<string, unknown>;

/** The schema every row measures: a Participant, strict profile (today's shape and cross-field rules). */
export const PARTICIPANT_ID = "https://twilio-testkit.dev/schemas/strict/participant.json";

/** Every document with an `$id` under `schemas/`. */
export function readSchemas(): SchemaDoc[] {
  const dir = join(ROOT, "schemas");
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".json"))
    .map((file) => JSON.parse(readFileSync(join(dir, file), "utf8")) as SchemaDoc)
    .filter((doc) => typeof doc.$id === "string");
}

function pointer(doc: unknown, fragment: string): unknown {
  return fragment
    .split("/")
    .slice(1)
    .reduce<unknown>(
      (node, key) => (node as Record<string, unknown>)[key.replace(/~1/g, "/").replace(/~0/g, "~")],
      doc,
    );
}

/**
 * The schema with every `$ref` replaced by what it points to, for tools that cannot follow
 * references across files (json-schema-faker). Only `twilioRules`, which no such tool knows, is dropped.
 *
 * @param id - the `$id` of the schema to inline
 */
export function dereference(id: string): Record<string, unknown> {
  const byId = new Map(readSchemas().map((doc) => [doc.$id, doc]));
  const inline = (node: unknown, base: string): unknown => {
    if (Array.isArray(node)) return node.map((item) => inline(item, base));
    if (typeof node !== "object" || node === null) return node;
    const { $ref, $id, $schema, $comment, $defs, twilioRules, ...rest } = node as Record<string, unknown>;
    if (typeof $ref === "string") {
      const target = new URL($ref, base);
      const [file, fragment = ""] = target.href.split("#");
      return inline(pointer(byId.get(file!), fragment), file!);
    }
    return Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, inline(value, base)]));
  };
  return inline(byId.get(id), id) as Record<string, unknown>;
}
