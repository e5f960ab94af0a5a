import { readdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { TestkitError } from "../errors.js";
import { readRegularFile } from "./_regular-file.js";

/** One Pact matcher as a pact file records it, e.g. `{ match: "regex", regex: "^CA[0-9a-fA-F]{32}$" }` or `eachLike`'s `{ match: "type", min: 1 }`. */
export interface PactMatcher {
  readonly match: string;
  readonly regex?: string;
  /** A `type` matcher's least / most number of array items */
  readonly min?: number;
  readonly max?: number;
}

/**
 * Matching rules by category (`body`, `header`, `query`, `path`), then by JSON path (`$.call_sid`):
 * the matchers and how they combine (`AND`, Pact's default, or `OR`).
 */
export type PactMatchingRules = Readonly<
  Record<
    string,
    Readonly<Record<string, { readonly matchers?: readonly PactMatcher[]; readonly combine?: "AND" | "OR" }>>
  >
>;

/** A request or response of an HTTP interaction, its body read out of the pact file. */
export interface PactMessage {
  /** The body: parsed JSON, form text, or undefined when there is none */
  readonly body: unknown;
  /** The body's content type (V4's `contentType`, else the `Content-Type` header), e.g. `application/json` */
  readonly contentType: string | undefined;
  /** Its matching rules, by category (`body`, `header`, `query`, `path`) */
  readonly matchingRules: PactMatchingRules;
}

/** What every interaction of a pact file has. */
interface PactInteractionBase {
  readonly description: string;
  /** V4's interaction type, e.g. `Synchronous/HTTP` or `Asynchronous/Messages`; `Synchronous/HTTP` for earlier versions */
  readonly type: string;
  readonly providerStates: ReadonlyArray<{ readonly name: string; readonly params: Readonly<Record<string, unknown>> }>;
}

/** An HTTP interaction, normalised across Pact specification versions 2 to 4. */
export interface PactHttpInteraction extends PactInteractionBase {
  readonly http: true;
  readonly request: PactMessage & {
    readonly method: string;
    readonly path: string;
    /** Query parameters, each with its values in order */
    readonly query: Readonly<Record<string, readonly string[]>>;
  };
  readonly response: PactMessage & { readonly status: number };
}

/** A V4 interaction of another type (messages, plugins): read, but with nothing HTTP to check. */
export interface PactOtherInteraction extends PactInteractionBase {
  readonly http: false;
  /** For an `Asynchronous/Messages` interaction: its contents (parsed JSON, or text), metadata and matching rules */
  readonly message?: {
    readonly contents: unknown;
    readonly contentType: string | undefined;
    readonly metadata: Readonly<Record<string, unknown>>;
    /** By category: `body` for the contents, `metadata` for the metadata */
    readonly matchingRules: PactMatchingRules;
  };
}

/** One interaction of a pact file. */
export type PactInteraction = PactHttpInteraction | PactOtherInteraction;

/** A pact file: who it is between and its interactions. */
export interface PactFile {
  /** Path relative to the working folder, e.g. `contracts/conference-app-twilio-voice-api.json` */
  readonly file: string;
  readonly consumer: string;
  readonly provider: string;
  readonly interactions: readonly PactInteraction[];
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The paths of the `*.json` files in a contracts folder, relative to `cwd`, sorted.
 *
 * @param cwd - working folder
 * @param dir - folder relative to `cwd`, e.g. `contracts`
 * @throws TestkitError `IO` when the folder is missing, not a folder, or holds no `*.json`
 */
export async function listPactFiles(cwd: string, dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(resolve(cwd, dir));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT" ? "no such directory" : code === "ENOTDIR" ? "not a directory" : (error as Error).message;
    throw new TestkitError("IO", `Failed to read contracts directory ${dir}: ${reason}`, { cause: error });
  }
  const files = names.filter((name) => name.endsWith(".json")).sort();
  if (files.length === 0)
    throw new TestkitError("IO", `Failed to read contracts directory ${dir}: it holds no *.json pact files`);
  return files.map((name) => join(dir, name));
}

/** Pact V2 keeps every rule flat under one path (`$.body.call_sid`, `$.headers.Authorization`); V3 and V4 by category. */
const V2_CATEGORIES: Readonly<Record<string, string>> = {
  body: "body",
  headers: "header",
  query: "query",
  path: "path",
};

/** V2's flat rules (`{ "$.body.x": { match, regex } }`) as V3 categories (`{ body: { "$.x": { matchers: [{ match, regex }] } } }`). */
function fromV2(raw: Json): Json {
  const out: Record<string, Json> = {};
  for (const [path, rule] of Object.entries(raw)) {
    const [, category, rest = ""] = /^\$\.(body|headers|query|path)(.*)$/.exec(path) ?? [];
    if (category === undefined || !isObject(rule)) continue;
    (out[V2_CATEGORIES[category] as string] ??= {})[`$${rest}`] = { matchers: [rule] };
  }
  return out;
}

/**
 * Matching rules as {@link PactMatchingRules} describes them: categories of JSON paths, each with a
 * list of `{ match, regex?, min?, max? }` and its `combine`; V2's flat rules are converted. Anything else (a null rule, matchers
 * that are not a list of objects) is left out rather than trusted, so that no reader trips over it.
 */
function rulesOf(raw: unknown): PactMatchingRules {
  if (!isObject(raw)) return {};
  const categories = Object.keys(raw).some((key) => key.startsWith("$.")) ? fromV2(raw) : raw;
  const matchersOf = (rule: Json) =>
    (Array.isArray(rule.matchers) ? rule.matchers : [])
      .filter((m): m is Json => isObject(m) && typeof m.match === "string")
      .map((m) => ({
        match: m.match as string,
        ...(typeof m.regex === "string" ? { regex: m.regex } : {}),
        ...(typeof m.min === "number" ? { min: m.min } : {}),
        ...(typeof m.max === "number" ? { max: m.max } : {}),
      }));
  const combineOf = (rule: Json): { combine?: "AND" | "OR" } =>
    rule.combine === "OR" || rule.combine === "AND" ? { combine: rule.combine } : {};
  const pathsOf = (category: Json) =>
    Object.fromEntries(
      Object.entries(category).flatMap(([path, rule]) =>
        isObject(rule) ? [[path, { matchers: matchersOf(rule), ...combineOf(rule) }]] : [],
      ),
    );
  return Object.fromEntries(
    Object.entries(categories).flatMap(([name, category]) => (isObject(category) ? [[name, pathsOf(category)]] : [])),
  );
}

/** V4 keeps a body as `{ content, contentType, encoded }`; V2 and V3 keep the body itself. */
function messageOf(raw: Json, v4: boolean, headerType: string | undefined): PactMessage {
  const rules = rulesOf(raw.matchingRules);
  if (!v4) return { body: raw.body, contentType: headerType, matchingRules: rules };
  const body = isObject(raw.body) ? raw.body : undefined;
  const encoded = body?.encoded;
  const content =
    encoded === "base64" && typeof body?.content === "string"
      ? Buffer.from(body.content, "base64").toString("utf8")
      : body?.content;
  return {
    body: content,
    contentType: typeof body?.contentType === "string" ? body.contentType : headerType,
    matchingRules: rules,
  };
}

function headerValue(headers: unknown, name: string): string | undefined {
  if (!isObject(headers)) return undefined;
  const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
  const value = Array.isArray(entry) ? entry[0] : entry;
  return typeof value === "string" ? value : undefined;
}

/** V3 and V4 keep the query as `{ key: [values] }`; V2 as a query string. */
function queryOf(raw: unknown): Record<string, string[]> {
  if (typeof raw === "string") {
    // A Map, so that keys such as `constructor` and `__proto__` are keys like any other.
    const byKey = new Map<string, string[]>();
    for (const [key, value] of new URLSearchParams(raw)) {
      const values = byKey.get(key);
      if (values) values.push(value);
      else byKey.set(key, [value]);
    }
    return Object.fromEntries(byKey);
  }
  if (!isObject(raw)) return {};
  return Object.fromEntries(
    Object.entries(raw).map(([key, value]) => [key, (Array.isArray(value) ? value : [value]).map(String)]),
  );
}

function statesOf(raw: Json): PactInteraction["providerStates"] {
  if (Array.isArray(raw.providerStates))
    return raw.providerStates
      .filter(isObject)
      .map((s) => ({ name: String(s.name), params: isObject(s.params) ? s.params : {} }));
  return typeof raw.providerState === "string" ? [{ name: raw.providerState, params: {} }] : [];
}

/** One interaction; V4 is told by the file's specification version or by the interaction's `type`, which only V4 has. */
function interactionOf(raw: unknown, v4File: boolean, where: string): PactInteraction {
  if (!isObject(raw)) throw new TestkitError("IO", `Failed to read ${where}: an interaction must be an object`);
  const base = {
    description: String(raw.description ?? "(no description)"),
    type: typeof raw.type === "string" ? raw.type : "Synchronous/HTTP",
    providerStates: statesOf(raw),
  };
  if (base.type === "Asynchronous/Messages") {
    const contents = messageOf({ body: raw.contents, matchingRules: raw.matchingRules }, true, undefined);
    const metadata = isObject(raw.metadata) ? raw.metadata : {};
    return {
      ...base,
      http: false,
      message: {
        contents: contents.body,
        contentType: contents.contentType,
        metadata,
        matchingRules: contents.matchingRules,
      },
    };
  }
  if (base.type !== "Synchronous/HTTP") return { ...base, http: false };
  const { request, response } = raw;
  if (!isObject(request) || !isObject(response))
    throw new TestkitError("IO", `Failed to read ${where}: an HTTP interaction without a request and response`);
  const status = response.status ?? 200;
  if (!Number.isInteger(status) || (status as number) < 100 || (status as number) > 599)
    throw new TestkitError(
      "IO",
      `Failed to read ${where}: response status ${JSON.stringify(status)} is not an HTTP status (a whole number from 100 to 599)`,
    );
  const v4 = v4File || typeof raw.type === "string";
  return {
    ...base,
    http: true,
    request: {
      ...messageOf(request, v4, headerValue(request.headers, "content-type")),
      method: String(request.method ?? "GET").toUpperCase(),
      path: String(request.path ?? "/"),
      query: queryOf(request.query),
    },
    response: { ...messageOf(response, v4, headerValue(response.headers, "content-type")), status: status as number },
  };
}

/**
 * Reads one pact file.
 *
 * @param cwd - working folder
 * @param file - path relative to `cwd`
 * @throws TestkitError `IO` when the file is unreadable, not a regular file (a FIFO, socket, device
 *   or directory), not JSON, or not a pact file (no consumer, provider and interactions; an HTTP
 *   interaction without a request and response, or whose response status is not a whole number from
 *   100 to 599)
 */
export async function readPactFile(cwd: string, file: string): Promise<PactFile> {
  let document: unknown;
  try {
    document = JSON.parse(await readRegularFile(resolve(cwd, file), file));
  } catch (error) {
    if (error instanceof TestkitError) throw error;
    // V8 quotes the start of the input in a SyntaxError, newlines and all: keep the reason on one line.
    const reason =
      error instanceof SyntaxError ? `not JSON (${error.message.replace(/\s+/g, " ")})` : (error as Error).message;
    throw new TestkitError("IO", `Failed to read ${file}: ${reason}`, { cause: error });
  }
  if (
    !isObject(document) ||
    !isObject(document.consumer) ||
    !isObject(document.provider) ||
    !Array.isArray(document.interactions)
  ) {
    throw new TestkitError(
      "IO",
      `Failed to read ${file}: not a pact file (it needs consumer, provider and interactions)`,
    );
  }
  const metadata = isObject(document.metadata) ? document.metadata : {};
  const spec = isObject(metadata.pactSpecification) ? metadata.pactSpecification.version : undefined;
  const v4 = typeof spec === "string" && spec.startsWith("4");
  return {
    file,
    consumer: String(document.consumer.name),
    provider: String(document.provider.name),
    interactions: document.interactions.map((raw, i) => interactionOf(raw, v4, `${file} interaction ${i}`)),
  };
}
