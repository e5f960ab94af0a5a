import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

/** Absolute path of the package's `schemas/` folder (the same from `src/` and from `dist/`). */
export const SCHEMA_DIR = fileURLToPath(new URL("../../schemas/", import.meta.url));

/** Base of every schema `$id`: a schema file `strict/participant.json` has `$id` `SCHEMA_ID_BASE + "strict/participant.json"`. */
export const SCHEMA_ID_BASE = "https://twilio-testkit.dev/schemas/";

/** A JSON Schema document read from `schemas/`, with its path relative to that folder (`/`-separated). */
export interface SchemaFile {
  /** e.g. `strict/participant.json` */
  readonly file: string;
  /** the parsed document; every schema file has an `$id` */
  readonly schema: { readonly $id: string } & Record<string, unknown>;
}

function listJsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return listJsonFiles(full);
    return entry.name.endsWith(".json") ? [full] : [];
  });
}

/**
 * Reads every JSON Schema document in `schemas/` (files with an `$id`; the operations catalogue has none).
 *
 * @returns the documents, sorted by file path
 * @throws Error when a file is not valid JSON (a packaging defect, not a user error)
 */
export function readSchemaFiles(): SchemaFile[] {
  return listJsonFiles(SCHEMA_DIR)
    .sort()
    .map((full) => ({
      file: relative(SCHEMA_DIR, full).split(sep).join("/"),
      schema: JSON.parse(readFileSync(full, "utf8")),
    }))
    .filter((entry): entry is SchemaFile => typeof entry.schema?.$id === "string");
}

const documents = new Map<string, unknown>();

/**
 * Reads one JSON document from `schemas/`, once: later calls return the same parsed value, which
 * callers must not change.
 *
 * @param file - path relative to `schemas/`, e.g. `operations.json`
 */
export function readSchemaDocument(file: string): unknown {
  if (!documents.has(file)) documents.set(file, JSON.parse(readFileSync(join(SCHEMA_DIR, file), "utf8")));
  return documents.get(file);
}

/**
 * The values of an enum defined in a schema's `$defs`, e.g. `readEnum("participant.json", "Status")`.
 *
 * @throws Error when the definition has no `enum` (a packaging defect)
 */
export function readEnum(file: string, def: string): readonly string[] {
  const values = (readSchemaDocument(file) as { $defs?: Record<string, { enum?: string[] }> }).$defs?.[def]?.enum;
  if (!values) throw new Error(`Failed to read enum ${def} from schemas/${file}`);
  return values;
}
