import type { VerifierOptions } from "@pact-foundation/pact-core";
import { resolve } from "node:path";
import { TestkitError } from "../errors.js";
import { PROVIDER_STATES_PATH, startFakeTwilio } from "../fake-twilio/index.js";
import { branchOrGit, brokerSettings, type Env, versionOrCommit } from "./_broker-settings.js";
import { runVerifier } from "./_run-verifier.js";
import { PROVIDER_NAME, PROVIDER_STATES } from "./interactions/states.js";
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
  readonly publish?: { readonly providerVersion?: string | undefined; readonly branch?: string | undefined } | undefined;
}

/** What was verified. */
export interface VerifyResult {
  /** The provider verified, e.g. `http://127.0.0.1:41234` */
  readonly providerBaseUrl: string;
  /** The pact files verified, relative to `cwd`; empty when the pacts came from the broker */
  readonly files: readonly string[];
  /** Where verification results went: the broker URL (password shown as `***`), provider version and branch; undefined when not published */
  readonly published: { readonly brokerUrl: string; readonly providerVersion: string; readonly branch: string } | undefined;
}

const KNOWN_STATES = new Set<string>(Object.values(PROVIDER_STATES));

/** How long a given provider has to answer before verification starts. */
const PROVIDER_PROBE_TIMEOUT_MS = 5_000;

/** Every provider state the local contracts use must be one the provider has a handler for. */
async function localPactFiles(cwd: string, dir: string): Promise<string[]> {
  const files = await listPactFiles(cwd, dir);
  for (const pact of await Promise.all(files.map((file) => readPactFile(cwd, file)))) {
    const unknown = pact.interactions.flatMap((i) => i.providerStates.map((s) => s.name)).find((name) => !KNOWN_STATES.has(name));
    if (unknown !== undefined) {
      throw new TestkitError("USAGE", `Failed to verify ${pact.file}: no state handler for provider state "${unknown}"; the provider states are: ${[...KNOWN_STATES].join("; ")}`);
    }
  }
  return files;
}

/** What the Verifier's JSON result says went wrong: no pact loaded (`EXTERNAL`), or which interactions failed (`VERIFICATION`). */
function verifierFailure(error: unknown): { code: "VERIFICATION" | "EXTERNAL"; reason: string } {
  const text = error instanceof Error ? error.message : String(error);
  let result: { errors?: Array<{ interaction?: string; mismatch?: { message?: string } }>; interactionResults?: unknown[] };
  try {
    result = JSON.parse(text) as typeof result;
  } catch {
    return { code: "EXTERNAL", reason: text.split("\n")[0] || "the Pact Verifier stopped without a result" };
  }
  const errors = result.errors ?? [];
  const ran = result.interactionResults?.length ?? 0;
  if (ran === 0) return { code: "EXTERNAL", reason: errors.map((e) => e.mismatch?.message ?? e.interaction).join("; ") || "no interaction ran" };
  const failed = errors.map((e) => e.interaction?.replace(/^Verifying a pact between /, "") ?? "?");
  return { code: "VERIFICATION", reason: `${failed.length} of ${ran} interactions failed: ${failed.join("; ")} (the Verifier's report above says why)` };
}

/**
 * A given provider must be an http(s) URL that answers. Without this, the Verifier would count every
 * interaction as failed (exit 1, as if the provider broke its contracts) when nothing is listening.
 *
 * @throws TestkitError `USAGE` for a URL that is not http(s); `EXTERNAL` when nothing answers there
 */
async function checkProvider(providerBaseUrl: string): Promise<void> {
  const shown = JSON.stringify(providerBaseUrl);
  const url = URL.canParse(providerBaseUrl) ? new URL(providerBaseUrl) : undefined;
  if (!url) throw new TestkitError("USAGE", `Failed to verify contracts: --provider-base-url ${shown} is not a URL`);
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new TestkitError("USAGE", `Failed to verify contracts: --provider-base-url ${shown} is not an http or https URL`);
  const probe = new URL(PROVIDER_STATES_PATH, url);
  [probe.username, probe.password] = ["", ""]; // fetch refuses URLs with credentials
  try {
    await fetch(probe, { method: "HEAD", signal: AbortSignal.timeout(PROVIDER_PROBE_TIMEOUT_MS) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const reason = cause?.code ?? cause?.message ?? (error as Error).message;
    throw new TestkitError("EXTERNAL", `Failed to verify contracts against ${providerBaseUrl}: the provider does not answer (${reason})`, { cause: error });
  }
}

async function brokerSource(options: VerifyOptions, env: Env): Promise<{ pactOptions: Partial<VerifierOptions>; published: NonNullable<VerifyResult["published"]>; redact: (text: string) => string }> {
  const action = "publish verification results";
  const broker = brokerSettings(env, action);
  const providerVersion = await versionOrCommit(action, "--provider-app-version", options.publish?.providerVersion, options.cwd, env);
  if (providerVersion === undefined) throw new TestkitError("USAGE", "Failed to find the provider version: pass --provider-app-version <version> (no git commit found)");
  const providerVersionBranch = await branchOrGit(action, "--branch", options.publish?.branch, options.cwd, env);
  if (providerVersionBranch === undefined) throw new TestkitError("USAGE", "Failed to find the provider branch: pass --branch <branch> (no git branch found)");
  return {
    pactOptions: {
      pactBrokerUrl: broker.url,
      ...(broker.token ? { pactBrokerToken: broker.token } : {}),
      ...(broker.username && broker.password ? { pactBrokerUsername: broker.username, pactBrokerPassword: broker.password } : {}),
      consumerVersionSelectors: [{ mainBranch: true }, { matchingBranch: true }, { deployedOrReleased: true }],
      enablePending: true,
      publishVerificationResult: true,
      providerVersion,
      providerVersionBranch,
    },
    published: { brokerUrl: broker.redact(broker.url), providerVersion, branch: providerVersionBranch },
    redact: broker.redact,
  };
}

/**
 * Verifies contracts with the official Pact Verifier (Pact's Rust verifier, through
 * @pact-foundation/pact-core): it replays every interaction against the provider after posting its
 * provider state (`{ state, params, action }`) to the provider's {@link PROVIDER_STATES_PATH}
 * endpoint, and checks each response against the contract's matchers. The provider is a fake Twilio
 * started for the run unless `providerBaseUrl` names one (such as `twilio-testkit serve`). pact-js's
 * `Verifier` is not used: its proxy re-encodes form bodies as JSON (pact-js#884). The Verifier prints
 * its report to standard output.
 *
 * @param options - contracts folder, provider, and whether to verify the broker's pacts and publish the results
 * @param env - PACT_BROKER_* settings, read only when publishing; also the git environment
 * @returns what was verified, and where results were published
 * @throws TestkitError `IO` when the folder is missing, empty, or holds an unreadable pact file;
 *   `USAGE` for a provider state without a handler, a provider URL that is not http(s), or no provider
 *   version or branch when publishing; `CONFIG` for missing broker settings; `VERIFICATION` naming each
 *   interaction that failed; `EXTERNAL` when the Verifier cannot run (a given provider that does not
 *   answer, an unreachable broker), secrets redacted
 * @example
 * ```ts
 * await verifyContracts({ cwd: process.cwd() }, process.env); // every pact in contracts/ against a fresh fake Twilio
 * ```
 * @see README.md, "Provider side"
 */
export async function verifyContracts(options: VerifyOptions, env: Env): Promise<VerifyResult> {
  const source = options.publish ? await brokerSource(options, env) : undefined;
  const files = source ? [] : await localPactFiles(options.cwd, options.dir ?? "contracts");
  if (options.providerBaseUrl !== undefined) await checkProvider(options.providerBaseUrl);
  const fake = options.providerBaseUrl === undefined ? await startFakeTwilio({ seed: options.seed }) : undefined;
  const providerBaseUrl = options.providerBaseUrl ?? (fake as NonNullable<typeof fake>).url;
  try {
    await runVerifier({
      provider: PROVIDER_NAME,
      providerBaseUrl,
      providerStatesSetupUrl: `${providerBaseUrl.replace(/\/+$/, "")}${PROVIDER_STATES_PATH}`,
      ...(source ? source.pactOptions : { pactUrls: files.map((file) => resolve(options.cwd, file)) }),
      logLevel: "error",
    });
  } catch (error) {
    const redact = source?.redact ?? ((text: string) => text);
    const { code, reason } = verifierFailure(error);
    throw new TestkitError(code, redact(`Failed to verify contracts against ${providerBaseUrl}: ${reason}`), { cause: error });
  } finally {
    await fake?.close();
  }
  return { providerBaseUrl, files, published: source?.published };
}
