import { fromPointerToken } from "../catalogue/_json-pointer.js";
import { matchOperation, type Operation } from "../catalogue/operations.js";
import type { ValidationIssue } from "../validate/issues.js";
import { validateRequest, type WireValue } from "../validate/request.js";
import type { Profile, ResourceKind } from "../validate/resources.js";
import { validateResource } from "../validate/validate.js";
import { checkCallbackMessage } from "./_check-callback.js";
import { groupedValues } from "./interactions/form.js";
import {
  PROVIDER_STATE_EXAMPLES,
  PROVIDER_STATE_PARAMS,
  type ProviderStateName,
} from "../catalogue/provider-states.js";
import { weakMatchers } from "./matcher-strength.js";
import {
  listPactFiles,
  readPactFile,
  type PactHttpInteraction,
  type PactInteraction,
  type PactMatchingRules,
} from "./pact-file.js";

/** One problem with one interaction of a contract. */
export interface ContractFinding {
  /** The pact file, relative to the working folder */
  readonly file: string;
  /** The interaction's description */
  readonly interaction: string;
  /**
   * Where: `/request/path`, `/request/query/<key>`, `/request/body/<key>`, `/response/status`,
   * `/response/body/<pointer>`, `/providerStates/<i>/name`, `/providerStates/<i>/params/<name>` or
   * `/providerStates/<i>/params/example/<pointer>`; for a callback message, `/contents/<Name>`,
   * `/metadata/kind` or `/metadata/method`
   */
  readonly path: string;
  /**
   * What: a JSON Schema keyword or cross-field rule as `validate` reports them, or `unknown-operation`,
   * `interaction-type`, `status`, `form-body`, `weak-matcher`, `unknown-provider-state`; a provider
   * state parameter missing is `required`, one that is not text `type`. For a callback message:
   * `callback-kind`, `state-example` (a parameter pinned by equality that the state's example
   * contradicts), `method`
   */
  readonly rule: string;
  /** One sentence for people */
  readonly message: string;
}

/** Which contracts to check, and how strictly. */
export interface CheckOptions {
  /** Folder holding the `*.json` pact files, relative to `cwd`; default `contracts` */
  readonly dir?: string | undefined;
  /** Working folder: `dir` and the reported file paths are relative to it */
  readonly cwd: string;
  /** Profile of the response schemas: `tolerant` (default) or `strict` */
  readonly profile?: Profile | undefined;
}

/** What {@link checkContracts} found. */
export interface CheckReport {
  /** The profile the response examples were checked against */
  readonly profile: Profile;
  /** Each pact file checked, with its pacticipants and number of interactions */
  readonly files: ReadonlyArray<{
    readonly file: string;
    readonly consumer: string;
    readonly provider: string;
    readonly interactions: number;
  }>;
  /** Every finding, file by file in file order, interaction by interaction; empty when all is well */
  readonly findings: readonly ContractFinding[];
}

type Finding = Omit<ContractFinding, "file" | "interaction">;

const finding = (path: string, rule: string, message: string): Finding => ({ path, rule, message });

const fromIssues = (prefix: string, issues: readonly ValidationIssue[]): Finding[] =>
  issues.map((i) => finding(`${prefix}${i.path}`, i.rule, i.message));

const FORM = "application/x-www-form-urlencoded";

/** The form fields of a request, or a finding when the body is not a form. */
function formFields(
  interaction: PactHttpInteraction,
  op: Operation,
): { fields: Record<string, WireValue> } | { finding: Finding } {
  const { body, contentType } = interaction.request;
  if (body === undefined || body === null || body === "") return { fields: {} };
  if (typeof body === "string" && (contentType ?? FORM).startsWith(FORM))
    return { fields: groupedValues(new URLSearchParams(body)) };
  return {
    finding: finding(
      "/request/body",
      "form-body",
      `must be an ${FORM} body: ${op.operationId} takes form fields, not ${contentType ?? typeof body}`,
    ),
  };
}

/**
 * The request's parameters against the operation's request schemas. A request answered 400 exists to
 * send a bad parameter, so only its unknown keys are reported.
 */
function checkRequest(
  interaction: PactHttpInteraction,
  op: Operation,
  pathParams: Readonly<Record<string, string>>,
): Finding[] {
  const form = formFields(interaction, op);
  if ("finding" in form) return [form.finding];
  const query = Object.fromEntries(
    Object.entries(interaction.request.query).map(([key, values]) => [
      key,
      values.length === 1 ? (values[0] as string) : values,
    ]),
  );
  const result = validateRequest(op.operationId, { path: pathParams, query, body: form.fields });
  if (result.ok) return [];
  const reported =
    interaction.response.status === 400
      ? result.issues.filter((i) => i.rule === "additionalProperties")
      : result.issues;
  return fromIssues("/request", reported);
}

/** Whether a JSON Pointer (`/participants/0/call_sid`, `~1` for `/`, `~0` for `~`) names a value inside `value`. */
function exists(value: unknown, pointer: string): boolean {
  let at = value;
  for (const token of pointer.split("/").slice(1).map(fromPointerToken)) {
    if (typeof at !== "object" || at === null || !Object.hasOwn(at, token)) return false;
    at = (at as Record<string, unknown>)[token];
  }
  return true;
}

/** The list fields of Twilio's pages. */
const PAGE_ITEMS = ["participants", "conferences"] as const;

/** Twilio's largest `PageSize`. Source: OPERATIONS.md and the request schemas (`PageSize` maximum 1000). */
const MAX_PAGE_SIZE = 1000;

/**
 * A page as Pact matches it. When the page's items are matched as `eachLike` (a `type` matcher on the
 * list, `min` / `max` items), the example's items are samples: the provider may answer any number
 * of items from `min` to `max`, and the mock server answers the example as written (pact-js's
 * `eachLike(item)` writes one item). So the item count that the envelope states (`end − start + 1`)
 * stands for the count when Pact would accept it (from `min`, at most `max` and `page_size`): the
 * example's items are repeated to that count, and the page arithmetic is checked on that. Otherwise
 * (no eachLike, or a count Pact would refuse) the page is checked as written.
 */
function asPactMatches(body: unknown, rules: PactMatchingRules[string]): unknown {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return body;
  const page = body as Readonly<Record<string, unknown>>;
  const key = PAGE_ITEMS.find((k) => Array.isArray(page[k]));
  const list = key === undefined ? [] : (page[key] as unknown[]);
  const like = key === undefined ? undefined : rules[`$.${key}`]?.matchers?.find((m) => m.match === "type");
  const [start, end, size] = [page.start, page.end, page.page_size];
  if (
    key === undefined ||
    !like ||
    list.length === 0 ||
    !Number.isSafeInteger(start) ||
    !Number.isSafeInteger(end) ||
    !Number.isSafeInteger(size)
  )
    return body;
  const count = (end as number) - (start as number) + 1;
  if (count < Math.max(like.min ?? 0, 1) || count > Math.min(like.max ?? Infinity, size as number, MAX_PAGE_SIZE))
    return body;
  return { ...page, [key]: Array.from({ length: count }, (_, i) => list[i % list.length]) };
}

/**
 * A response example holds only the fields its consumer pins, so fields it leaves out are not
 * missing, and a cross-field rule about a field it leaves out does not apply. A page is read as
 * Pact matches it ({@link asPactMatches}).
 */
function checkPinnedBody(
  kind: ResourceKind,
  body: unknown,
  rules: PactMatchingRules[string],
  profile: Profile,
): Finding[] {
  const result = validateResource(kind, asPactMatches(body, rules), { profile });
  if (result.ok) return [];
  return fromIssues(
    "/response/body",
    result.issues.filter((i) => i.rule !== "required" && exists(body, i.path)),
  );
}

const kindOf = (file: string): ResourceKind => file.replace(/\.json$/, "") as ResourceKind;

function checkResponse(interaction: PactHttpInteraction, op: Operation, profile: Profile): Finding[] {
  const { status, body, matchingRules } = interaction.response;
  const kind =
    status >= 400
      ? "error"
      : status === op.successStatus
        ? op.response === null
          ? null
          : kindOf(op.response)
        : undefined;
  if (kind === undefined)
    return [
      finding(
        "/response/status",
        "status",
        `must be ${op.successStatus} on success, or a 4xx/5xx error status: ${op.operationId} does not answer ${status}`,
      ),
    ];
  if (kind === null)
    return body === undefined || body === null || body === ""
      ? []
      : [finding("/response/body", "no-body", `must be empty: ${op.operationId} answers ${status} with no body`)];
  return [
    ...checkPinnedBody(kind, body, matchingRules.body ?? {}, profile),
    ...weakMatchers(kind, profile, body, matchingRules.body ?? {}),
  ];
}

/**
 * A provider state's `example` (the whole resource or page the provider must hold) must pass in full
 * as one of the kinds the state takes ({@link PROVIDER_STATE_EXAMPLES}); when it passes as none, the
 * issues reported are those of the operation's response kind if the state takes it, else of its first kind.
 */
function checkStateExamples(interaction: PactHttpInteraction, op: Operation, profile: Profile): Finding[] {
  return interaction.providerStates.flatMap((state, i) => {
    const kinds = Object.hasOwn(PROVIDER_STATE_EXAMPLES, state.name)
      ? ((PROVIDER_STATE_EXAMPLES as Readonly<Record<string, readonly ResourceKind[]>>)[state.name] ?? [])
      : [];
    if (!Object.hasOwn(state.params, "example") || kinds.length === 0) return [];
    const responseKind = op.response === null ? undefined : kindOf(op.response);
    const preferred = kinds.includes(responseKind as ResourceKind)
      ? (responseKind as ResourceKind)
      : (kinds[0] as ResourceKind);
    const results = [preferred, ...kinds.filter((k) => k !== preferred)].map((kind) =>
      validateResource(kind, state.params.example, { profile }),
    );
    const first = results[0];
    return results.some((r) => r.ok) || !first || first.ok
      ? []
      : fromIssues(`/providerStates/${i}/params/example`, first.issues);
  });
}

const STATE_NAMES = Object.keys(PROVIDER_STATE_PARAMS)
  .map((name) => JSON.stringify(name))
  .join(", ");

/**
 * Each provider state must be one the provider has a handler for ({@link PROVIDER_STATE_PARAMS}),
 * with every text parameter its handler needs (a path SID, or the name a path may hold instead).
 */
function checkStateParams(interaction: PactInteraction): Finding[] {
  return interaction.providerStates.flatMap((state, i): Finding[] => {
    const at = `/providerStates/${i}`;
    if (!Object.hasOwn(PROVIDER_STATE_PARAMS, state.name)) {
      return [
        finding(
          `${at}/name`,
          "unknown-provider-state",
          `must be one of the provider's states (${STATE_NAMES}): there is no handler for ${JSON.stringify(state.name)}`,
        ),
      ];
    }
    const spec = PROVIDER_STATE_PARAMS[state.name as ProviderStateName];
    const { params } = state;
    const missing = spec.required
      .map((need) => [need].flat())
      .filter((names) => !names.some((name) => Object.hasOwn(params, name)));
    const notText = [...spec.required.flat(), ...spec.optional].filter(
      (name) => Object.hasOwn(params, name) && (typeof params[name] !== "string" || params[name] === ""),
    );
    return [
      ...missing.map((names) =>
        finding(
          `${at}/params/${names[0]}`,
          "required",
          `is missing: the state ${JSON.stringify(state.name)} needs ${names.join(" or ")}`,
        ),
      ),
      ...notText.map((name) =>
        finding(
          `${at}/params/${name}`,
          "type",
          `must be text (a SID or the name the path holds), not ${JSON.stringify(params[name]) ?? "undefined"}`,
        ),
      ),
    ];
  });
}

function checkInteraction(interaction: PactInteraction, profile: Profile): Finding[] {
  if (!interaction.http && interaction.message) return checkCallbackMessage(interaction, profile);
  if (!interaction.http)
    return [
      finding(
        "",
        "interaction-type",
        `must be a Synchronous/HTTP interaction (or an Asynchronous/Messages callback), not ${interaction.type}: the Twilio REST API speaks HTTP`,
      ),
      ...checkStateParams(interaction),
    ];
  const { method, path } = interaction.request;
  const matched = matchOperation(method, path);
  if (!matched)
    return [
      finding(
        "/request/path",
        "unknown-operation",
        `must be one of the catalogued operations: no operation answers ${method} ${path}`,
      ),
    ];
  const { operation: op, params } = matched;
  return [
    ...checkRequest(interaction, op, params),
    ...checkResponse(interaction, op, profile),
    ...checkStateParams(interaction),
    ...checkStateExamples(interaction, op, profile),
  ];
}

/**
 * Checks every interaction of every pact file in a folder against the schemas, offline: the request
 * must be one of the catalogued operations with parameters its request schemas accept (no unknown
 * query or form keys); the response status one the operation answers; the response example must pass
 * the response schema (its success schema, or Twilio's error schema for a 4xx/5xx) for the fields it
 * pins, a page read as Pact matches it (items matched as `eachLike` stand for the count its envelope
 * states); each provider state must be one the provider handles, with the parameters it needs, and
 * its `example` must pass in full; and no pinned field may use a matcher weaker than its schema (a
 * type matcher on a SID, an enum or an RFC 2822 date). A callback message (Pact V4 asynchronous
 * message, as `addTwilioCallback` writes it) is checked against the callback schemas: its contents
 * for the parameters they pin, no weak matcher, and its provider state's example in full. What
 * PactFlow calls bi-directional contract testing, run locally.
 *
 * @param options - folder, working folder and profile (`tolerant` by default)
 * @returns the files checked and every finding; an empty `findings` means the contracts agree with the schemas
 * @throws TestkitError `IO` when the folder is missing or empty, or a file is unreadable, not JSON or not a pact file
 * @example
 * ```ts
 * const report = await checkContracts({ cwd: process.cwd(), profile: "strict" });
 * for (const f of report.findings) console.log(`${f.file} › ${f.interaction} › ${f.path}: ${f.message} (${f.rule})`);
 * ```
 */
export async function checkContracts(options: CheckOptions): Promise<CheckReport> {
  const profile = options.profile ?? "tolerant";
  const pacts = await Promise.all(
    (await listPactFiles(options.cwd, options.dir ?? "contracts")).map((file) => readPactFile(options.cwd, file)),
  );
  return {
    profile,
    files: pacts.map((p) => ({
      file: p.file,
      consumer: p.consumer,
      provider: p.provider,
      interactions: p.interactions.length,
    })),
    findings: pacts.flatMap((p) =>
      p.interactions.flatMap((i) =>
        checkInteraction(i, profile).map((f) => ({ file: p.file, interaction: i.description, ...f })),
      ),
    ),
  };
}
