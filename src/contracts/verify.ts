import type { VerifierOptions } from "@pact-foundation/pact-core";
import { resolve } from "node:path";
import { TestkitError } from "../errors.js";
import { branchOrGit, brokerSettings, type Env, urlCredentials, versionOrCommit } from "./_broker-settings.js";
import { startCallbackProducer } from "./_callback-producer.js";
import { runVerifierInChild } from "./_verifier-child.js";
import { CALLBACK_PROVIDER_NAME, CALLBACK_STATES } from "./interactions/callbacks.js";
import { PROVIDER_NAME, PROVIDER_STATES, PROVIDER_STATES_PATH } from "../catalogue/provider-states.js";
import { listPactFiles, readPactFile } from "./pact-file.js";

/** What to verify, against what, and whether to tell a Pact Broker. */
export interface VerifyOptions {
  /** Folder holding the `*.json` pact files, relative to `cwd`; default `contracts`. Ignored when publishing (pacts come from the broker) */
  readonly dir?: string | undefined;
  readonly cwd: string;
  /** The provider to verify; default a fake Twilio started for the run. It must answer {@link PROVIDER_STATES_PATH} */
  readonly providerBaseUrl?: string | undefined;
  /** Seed of the fake Twilio started for the run */
  readonly seed?: number | undefined;
  /**
   * Fetch the pacts from the Pact Broker (PACT_BROKER_*) instead of `dir` and publish the results
   * there, as this provider version and branch (default: the git commit and branch)
   */
  readonly publish?:
    | { readonly providerVersion?: string | undefined; readonly branch?: string | undefined }
    | undefined;
  /**
   * Receives the Pact Verifier's report (its "Verifying a pact between …" text, with a secret shown as
   * `***`) once per Verifier run, callback contracts first; default: written to standard output
   */
  readonly onReport?: ((report: string) => void) | undefined;
}

/** What was verified. */
export interface VerifyResult {
  /** The provider verified, e.g. `http://127.0.0.1:41234`; a password in it shown as `***`; the callback producer's when every pact file is a callback contract */
  readonly providerBaseUrl: string;
  /** The pact files verified, relative to `cwd`, callback contracts included; empty when the pacts came from the broker */
  readonly files: readonly string[];
  /** The callback contracts among `files` (provider `twilio-callbacks`), verified against the kit's callback producer */
  readonly callbackFiles: readonly string[];
  /** Where verification results went: the broker URL (without credentials), provider version and branch; undefined when not published */
  readonly published:
    | { readonly brokerUrl: string; readonly providerVersion: string; readonly branch: string }
    | undefined;
  /**
   * The interactions of pending pacts (new to this provider, from the broker) that failed, e.g.
   * `conference-app and twilio-voice-api Given … - a request …`: their results were published as
   * failed, yet the run succeeds, as Pact's pending pacts do not break the provider's build
   */
  readonly pendingFailures: readonly string[];
}

const KNOWN_STATES = new Set<string>(Object.values(PROVIDER_STATES));
const CALLBACK_STATE_NAMES = new Set<string>(Object.values(CALLBACK_STATES));

/** How long a given provider has to answer before verification starts. */
const PROVIDER_PROBE_TIMEOUT_MS = 5_000;

/**
 * The local pact files, REST API contracts apart from callback contracts (provider `twilio-callbacks`).
 * Every provider state they use must be one the provider has a handler for.
 */
async function localPactFiles(cwd: string, dir: string): Promise<{ http: string[]; callbacks: string[] }> {
  const files = await listPactFiles(cwd, dir);
  const out = { http: [] as string[], callbacks: [] as string[] };
  for (const pact of await Promise.all(files.map((file) => readPactFile(cwd, file)))) {
    const callbacks = pact.provider === CALLBACK_PROVIDER_NAME;
    const known = callbacks ? CALLBACK_STATE_NAMES : KNOWN_STATES;
    const unknown = pact.interactions
      .flatMap((i) => i.providerStates.map((s) => s.name))
      .find((name) => !known.has(name));
    if (unknown !== undefined) {
      throw new TestkitError(
        "USAGE",
        `Failed to verify ${pact.file}: no state handler for provider state "${unknown}"; the provider states are: ${[...known].join("; ")}`,
      );
    }
    (callbacks ? out.callbacks : out.http).push(pact.file);
  }
  return out;
}

/**
 * Verifies callback contracts against the kit's callback producer, started for the run: for each
 * message, the Verifier posts its description and provider states, and compares the callback the
 * producer builds (contents and metadata) with the contract's.
 *
 * @throws TestkitError `VERIFICATION` naming each message that failed, with the producer's reasons
 */
async function verifyCallbacks(cwd: string, files: readonly string[], report: (text: string) => void): Promise<string> {
  const producer = await startCallbackProducer();
  let run: Awaited<ReturnType<typeof runVerifierInChild>>;
  try {
    run = await runVerifierInChild(
      {
        provider: CALLBACK_PROVIDER_NAME,
        providerBaseUrl: producer.url,
        pactUrls: files.map((file) => resolve(cwd, file)),
        logLevel: "error",
      },
      report,
    );
  } catch (error) {
    run = { error: error instanceof Error ? error.message : String(error), log: [] };
  } finally {
    await producer.close();
  }
  if (run.error !== undefined) {
    const { code, reason } = verifierFailure(run.error, producer.failures, "the producer answered");
    throw new TestkitError(code, `Failed to verify callback contracts against the kit's callback producer: ${reason}`);
  }
  return producer.url;
}

/** The Verifier's JSON result (pact-core resolves or rejects with it), as far as verify reads it. */
interface VerifierOutcome {
  readonly errors?: ReadonlyArray<{ readonly interaction?: string; readonly mismatch?: { readonly message?: string } }>;
  readonly pendingErrors?: ReadonlyArray<{ readonly interaction?: string }>;
  readonly interactionResults?: readonly unknown[];
}

function parseOutcome(text: unknown): VerifierOutcome | undefined {
  try {
    return JSON.parse(String(text)) as VerifierOutcome;
  } catch {
    return undefined;
  }
}

/**
 * The Verifier's words for a broker that failed, without what the message around them repeats:
 * "No pacts found for provider 'p' … in pact broker 'url': IO Error - Request … failed: 401 Unauthorized. URL: 'url'"
 * → "Request … failed: 401 Unauthorized"; the same for "Publishing of verification results failed with an error: …".
 */
const brokerReason = (message: string) =>
  message
    .replace(
      /^No pacts found for provider '[^']*' matching the given consumer version selectors in pact broker '[^']*': /,
      "",
    )
    .replace(/^Publishing of verification results failed with an error: /, "")
    .replace(/^IO Error - /, "")
    .replace(/\. URL: '[^']*'$/, "");

const interactionName = (interaction: string | undefined) =>
  interaction?.replace(/^Verifying a pact between /, "") ?? "?";

/**
 * What the Verifier's JSON result says went wrong: no pact loaded (`EXTERNAL`: the broker, when the
 * pacts come from one), or which interactions failed (`VERIFICATION`), with what the provider
 * answered to the failed state changes when the caller knows it.
 */
function verifierFailure(
  error: unknown,
  stateFailures: readonly string[],
  answered = "the provider's state change answered",
): { code: "VERIFICATION" | "EXTERNAL"; reason: string } {
  const text = error instanceof Error ? error.message : String(error);
  const result = parseOutcome(text);
  if (!result) return { code: "EXTERNAL", reason: text.split("\n")[0] || "the Pact Verifier stopped without a result" };
  const errors = result.errors ?? [];
  const ran = result.interactionResults?.length ?? 0;
  if (ran === 0)
    return {
      code: "EXTERNAL",
      reason:
        [...new Set(errors.map((e) => brokerReason(e.mismatch?.message ?? e.interaction ?? "")))].join("; ") ||
        "no interaction ran",
    };
  const failed = errors.map((e) => interactionName(e.interaction));
  const why =
    stateFailures.length > 0
      ? `${answered}: ${[...new Set(stateFailures)].join("; ")}`
      : "the Verifier's report above says why";
  return {
    code: "VERIFICATION",
    reason: `${failed.length} of ${ran} interactions failed: ${failed.join("; ")} (${why})`,
  };
}

/**
 * A given provider must be an http(s) URL that answers. Without this, the Verifier would count every
 * interaction as failed (exit 1, as if the provider broke its contracts) when nothing is listening.
 *
 * @throws TestkitError `USAGE` for a URL that is not http(s), or that holds credentials (the Verifier
 *   prints its report unredacted, and each interaction carries its own Authorization header);
 *   `EXTERNAL` when nothing answers there (no cause: fetch's error would hold the URL)
 */
async function checkProvider(providerBaseUrl: string, redact: (text: string) => string): Promise<void> {
  const shown = JSON.stringify(redact(providerBaseUrl));
  const url = URL.canParse(providerBaseUrl) ? new URL(providerBaseUrl) : undefined;
  if (!url) throw new TestkitError("USAGE", `Failed to verify contracts: --provider-base-url ${shown} is not a URL`);
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new TestkitError(
      "USAGE",
      `Failed to verify contracts: --provider-base-url ${shown} is not an http or https URL`,
    );
  if (url.username !== "" || url.password !== "")
    throw new TestkitError(
      "USAGE",
      `Failed to verify contracts: --provider-base-url ${shown} holds credentials; give it without them (each interaction carries its own Authorization header, and the Verifier's report would show them)`,
    );
  const probe = new URL(PROVIDER_STATES_PATH, url);
  try {
    await fetch(probe, { method: "HEAD", signal: AbortSignal.timeout(PROVIDER_PROBE_TIMEOUT_MS) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const reason = cause?.code ?? cause?.message ?? (error as Error).message;
    throw new TestkitError(
      "EXTERNAL",
      redact(`Failed to verify contracts against ${providerBaseUrl}: the provider does not answer (${reason})`),
    );
  }
}

async function brokerSource(
  options: VerifyOptions,
  env: Env,
): Promise<{
  pactOptions: Partial<VerifierOptions>;
  published: NonNullable<VerifyResult["published"]>;
  redact: (text: string) => string;
}> {
  const action = "publish verification results";
  const broker = brokerSettings(env, action);
  const providerVersion = await versionOrCommit(
    action,
    "--provider-app-version",
    options.publish?.providerVersion,
    options.cwd,
    env,
  );
  if (providerVersion === undefined)
    throw new TestkitError(
      "USAGE",
      "Failed to find the provider version: pass --provider-app-version <version> (no git commit found)",
    );
  const providerVersionBranch = await branchOrGit(action, "--branch", options.publish?.branch, options.cwd, env);
  if (providerVersionBranch === undefined)
    throw new TestkitError("USAGE", "Failed to find the provider branch: pass --branch <branch> (no git branch found)");
  return {
    pactOptions: {
      pactBrokerUrl: broker.url,
      ...(broker.token ? { pactBrokerToken: broker.token } : {}),
      ...(broker.username && broker.password
        ? { pactBrokerUsername: broker.username, pactBrokerPassword: broker.password }
        : {}),
      consumerVersionSelectors: [{ mainBranch: true }, { matchingBranch: true }, { deployedOrReleased: true }],
      enablePending: true,
      publishVerificationResult: true,
      providerVersion,
      providerVersionBranch,
    },
    published: { brokerUrl: broker.url, providerVersion, branch: providerVersionBranch },
    redact: broker.redact,
  };
}

/**
 * Verifies contracts with the official Pact Verifier (Pact's Rust verifier, through
 * @pact-foundation/pact-core): it replays every interaction against the provider after posting its
 * provider state (`{ state, params, action }`) to the provider's {@link PROVIDER_STATES_PATH}
 * endpoint, and checks each response against the contract's matchers. The provider is a fake Twilio
 * started for the run unless `providerBaseUrl` names one (such as `twilio-testkit serve`). pact-js's
 * `Verifier` is not used: its proxy re-encodes form bodies as JSON (pact-js#884). The Verifier runs in
 * a child process; its report goes to `options.onReport` (default: standard output), secrets shown as `***`.
 *
 * Local callback contracts (provider `twilio-callbacks`: Pact V4 asynchronous messages) are verified
 * first, against the kit's callback producer started for the run (127.0.0.1, ephemeral port): for each
 * message the Verifier posts `{ description, providerStates }`, and the producer answers with the
 * callback the callback factories build from the state's `example`, encoded and decoded as Twilio sends
 * it, and its metadata (`Pact-Message-Metadata`). `providerBaseUrl` and `seed` concern the REST API only.
 *
 * @param options - contracts folder, provider, and whether to verify the broker's pacts and publish the results
 * @param env - PACT_BROKER_* settings, read only when publishing; also the git environment
 * @returns what was verified, and where results were published
 * @throws TestkitError `IO` when the folder is missing, empty, or holds an unreadable pact file;
 *   `USAGE` for a provider state without a handler, a provider URL that is not http(s), or no provider
 *   version or branch when publishing; `CONFIG` for missing broker settings; `VERIFICATION` naming each
 *   interaction that failed (with the fake's answer to a failed provider state, when it started the
 *   fake); `EXTERNAL` when the Verifier cannot run (a given provider that does not answer), when the
 *   broker fails (naming the broker) or when publishing the results failed. Messages never hold a
 *   secret (token, passwords in the broker or provider URL, their encodings) and errors carry no cause
 * @example
 * ```ts
 * await verifyContracts({ cwd: process.cwd() }, process.env); // every pact in contracts/ against a fresh fake Twilio
 * ```
 * @see README.md, "Provider side"
 */
export async function verifyContracts(options: VerifyOptions, env: Env): Promise<VerifyResult> {
  // The Verifier runs in a child process; loading pact-core here first fails verify with one line when it is
  // missing. A dynamic import: a bare `import "./_pact-core.js"` is dropped by the bundler (sideEffects).
  await import("./_pact-core.js");
  const source = options.publish ? await brokerSource(options, env) : undefined;
  const local = source ? { http: [], callbacks: [] } : await localPactFiles(options.cwd, options.dir ?? "contracts");
  const files = [...local.http, ...local.callbacks].sort();
  const providerPassword = urlCredentials(options.providerBaseUrl ?? "").redact;
  const redact = (text: string) => providerPassword(source ? source.redact(text) : text);
  const http = source !== undefined || local.http.length > 0;
  if (http && options.providerBaseUrl !== undefined) await checkProvider(options.providerBaseUrl, redact);
  const onReport = options.onReport ?? ((text: string) => void process.stdout.write(text));
  const report = (text: string) => onReport(redact(text));
  const producerUrl =
    local.callbacks.length > 0 ? await verifyCallbacks(options.cwd, local.callbacks, report) : undefined;
  if (!http)
    return {
      providerBaseUrl: producerUrl ?? "",
      files,
      callbackFiles: local.callbacks,
      published: undefined,
      pendingFailures: [],
    };
  // The fake (and fastify) loads only when it is needed, so that importing the contracts does not pay for it.
  const fake =
    options.providerBaseUrl === undefined
      ? await (await import("../fake-twilio/server.js")).startFakeTwilio({ seed: options.seed })
      : undefined;
  const providerBaseUrl = options.providerBaseUrl ?? (fake as NonNullable<typeof fake>).url;
  let run: Awaited<ReturnType<typeof runVerifierInChild>>;
  try {
    run = await runVerifierInChild(
      {
        provider: PROVIDER_NAME,
        providerBaseUrl,
        providerStatesSetupUrl: `${providerBaseUrl.replace(/\/+$/, "")}${PROVIDER_STATES_PATH}`,
        ...(source ? source.pactOptions : { pactUrls: local.http.map((file) => resolve(options.cwd, file)) }),
        logLevel: "error",
      },
      report,
    );
  } catch (error) {
    run = { error: error instanceof Error ? error.message : String(error), log: [] };
  } finally {
    await fake?.close();
  }
  const outcome = run.value;
  const failed = run.error === undefined ? undefined : { error: run.error };
  // The Verifier logs results the broker refused, and goes on as if they were published.
  const unpublished = source && run.log.find((line) => /verification results failed/i.test(line));
  if (failed) {
    // No cause: the Verifier's error holds URLs and the broker's answers; the message keeps what matters, redacted.
    const { code, reason } = verifierFailure(failed.error, fake?.store.stateChangeFailures ?? []);
    const what =
      source && code === "EXTERNAL"
        ? `fetch the pacts to verify from the Pact Broker at ${source.published.brokerUrl}`
        : `verify contracts against ${providerBaseUrl}`;
    const alsoUnpublished = unpublished ? `; publishing the results failed too: ${brokerReason(unpublished)}` : "";
    throw new TestkitError(code, redact(`Failed to ${what}: ${reason}${alsoUnpublished}`));
  }
  if (source && unpublished)
    throw new TestkitError(
      "EXTERNAL",
      redact(
        `Failed to publish verification results to the Pact Broker at ${source.published.brokerUrl} (verification passed): ${brokerReason(unpublished)}`,
      ),
    );
  const pendingFailures = (parseOutcome(outcome)?.pendingErrors ?? []).map((e) => interactionName(e.interaction));
  return {
    providerBaseUrl: redact(providerBaseUrl),
    files,
    callbackFiles: local.callbacks,
    published: source?.published,
    pendingFailures,
  };
}
