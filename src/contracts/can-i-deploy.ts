import { TestkitError } from "../errors.js";
import { brokerSettings, brokerValue, type Env, versionOrCommit } from "./_broker-settings.js";
import { failureReason, type PactCliRun, runPactCli } from "./_pact-cli.js";

const ACTION = "check can-i-deploy";

/** Which pacticipant version to check, and against which environment. */
export interface CanIDeployOptions {
  /** The application to deploy, e.g. `conference-app` */
  readonly pacticipant: string;
  /** Its version; default the git commit (`git rev-parse HEAD`) unless `latest` */
  readonly version?: string | undefined;
  /** Check the latest version (on `branch`, when given) instead of one version */
  readonly latest?: boolean | undefined;
  /** The branch of the version to check */
  readonly branch?: string | undefined;
  /** The environment to deploy to, e.g. `production` */
  readonly toEnvironment: string;
  /** Ask the Pact CLI for the broker's JSON answer instead of its table */
  readonly json?: boolean | undefined;
  /** Working folder: git and the Pact CLI run in it */
  readonly cwd: string;
}

/** The broker's answer. */
export interface CanIDeployResult {
  /** Whether every integration with the versions in the environment is verified */
  readonly deployable: boolean;
  /** The version checked; undefined with `latest` */
  readonly version: string | undefined;
  /** What the Pact CLI printed (its table and notices, or the broker's JSON), secrets shown as `***` */
  readonly output: string;
}

async function versionToCheck(options: CanIDeployOptions, env: Env): Promise<string | undefined> {
  if (options.latest) {
    if (options.version !== undefined)
      throw new TestkitError("USAGE", `Failed to ${ACTION}: pass --version or --latest, not both`);
    return undefined;
  }
  const version = await versionOrCommit(ACTION, "--version", options.version, options.cwd, env);
  if (version === undefined)
    throw new TestkitError("USAGE", `Failed to ${ACTION}: pass --version <version> or --latest (no git commit found)`);
  return version;
}

/**
 * The Pact CLI's verdict. Its table output exits 1 both when the broker says no and when the call
 * fails, and only the former prints "Computer says no"; its JSON output exits 0 whatever the answer.
 *
 * @returns whether deployable, or undefined when the call failed
 */
function verdict(run: PactCliRun, json: boolean): boolean | undefined {
  if (!json) return run.status === 0 ? true : /Computer says no/.test(run.output) ? false : undefined;
  if (run.status !== 0) return undefined;
  try {
    return (JSON.parse(run.output) as { summary?: { deployable?: boolean | null } }).summary?.deployable === true;
  } catch {
    return undefined;
  }
}

/**
 * The broker's reason when it does not know the version asked about (Pact Broker's
 * `SpecifiedVersionDoesNotExist`): it then says "no", though there was nothing to decide.
 */
const UNKNOWN_VERSION =
  /No pacts or verifications have been published for[^\n"]*|No version (?:with tag \S+ exists for|of \S+ from (?:branch \S+|the main branch) exists)[^\n"]*/;

/**
 * Asks a Pact Broker whether a pacticipant version can be deployed to an environment, with the
 * official Pact CLI (`pact broker can-i-deploy`, which reads the broker's `/matrix`). Credentials
 * reach the Pact CLI through its environment only, never its command line or the URL it logs.
 *
 * @param options - the pacticipant, its version (or latest, optionally on a branch), the environment
 * @param env - `PACT_BROKER_BASE_URL` (required), `PACT_BROKER_TOKEN` or `PACT_BROKER_USERNAME` and
 *   `PACT_BROKER_PASSWORD`; also given whole to git and the Pact CLI (e.g. `PACT_BROKER_HTTP_RETRIES`)
 * @returns the answer, yes or no, with what the Pact CLI printed (secrets redacted)
 * @throws TestkitError `CONFIG` without PACT_BROKER_BASE_URL or with half a username/password pair;
 *   `USAGE` for an empty or `-`-led value, both version and latest, or no version and no git commit;
 *   `EXTERNAL` when the Pact CLI fails: broker unreachable, 401, unknown pacticipant or environment
 *   (saying how to create it), … (its message on one line, secrets redacted), or when the broker knows
 *   no such version (it would answer "no" with nothing to decide)
 * @example
 * ```ts
 * const answer = await canIDeploy({ pacticipant: "conference-app", toEnvironment: "production", cwd: process.cwd() }, process.env);
 * if (!answer.deployable) console.log(answer.output);
 * ```
 * @see README.md, "Publish contracts"
 */
export async function canIDeploy(options: CanIDeployOptions, env: Env): Promise<CanIDeployResult> {
  const broker = brokerSettings(env, ACTION);
  const pacticipant = brokerValue(ACTION, "--pacticipant", options.pacticipant);
  const environment = brokerValue(ACTION, "--to-environment", options.toEnvironment);
  const version = await versionToCheck(options, env);
  // The Pact CLI reads --pacticipant and what follows it (--version, --latest, --branch) as separate
  // arguments, not as --flag=value; brokerValue keeps each value from reading as a flag.
  const selector = ["--pacticipant", pacticipant, ...(version === undefined ? ["--latest"] : ["--version", version])];
  if (options.branch !== undefined) selector.push("--branch", brokerValue(ACTION, "--branch", options.branch));
  const args = [
    "broker",
    "can-i-deploy",
    ...selector,
    `--to-environment=${environment}`,
    `--output=${options.json ? "json" : "table"}`,
  ];
  const run = await runPactCli(args, { cwd: options.cwd, broker });
  const deployable = verdict(run, Boolean(options.json));
  if (deployable === undefined)
    throw new TestkitError("EXTERNAL", `Failed to ${ACTION} for ${pacticipant}: ${failureReason(run)}`);
  const unknown = deployable ? undefined : UNKNOWN_VERSION.exec(run.output)?.[0];
  if (unknown !== undefined)
    throw new TestkitError(
      "EXTERNAL",
      `Failed to ${ACTION} for ${pacticipant}: the broker at ${broker.url} does not know that version (${unknown.trim()}); publish its pacts or verification results first`,
    );
  return { deployable, version, output: run.output };
}
