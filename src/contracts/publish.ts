import { resolve } from "node:path";
import { TestkitError } from "../errors.js";
import { branchOrGit, brokerSettings, type Env, versionOrCommit } from "./_broker-settings.js";
import { failureReason, runPactCli } from "./_pact-cli.js";
import { listPactFiles, readPactFile } from "./pact-file.js";

const ACTION = "publish contracts";

/** Where the pact files are and which consumer version they belong to. */
export interface PublishOptions {
  /** Folder holding the `*.json` pact files, relative to `cwd`; default `contracts` */
  readonly dir?: string | undefined;
  /** Working folder: `dir` is resolved against it, and git and the Pact CLI run in it */
  readonly cwd: string;
  /** Consumer version; default the git commit (`git rev-parse HEAD`) */
  readonly consumerAppVersion?: string | undefined;
  /** Consumer branch; default the git branch (`git rev-parse --abbrev-ref HEAD`) */
  readonly branch?: string | undefined;
}

/** What was published. */
export interface PublishResult {
  /** The broker's base URL, without the credentials it may have held */
  readonly brokerUrl: string;
  /** Paths of the published pact files, relative to `cwd`, sorted */
  readonly files: readonly string[];
  readonly consumerAppVersion: string;
  readonly branch: string;
  /** What the Pact CLI printed, secrets shown as `***` */
  readonly output: string;
}

async function versionAndBranch(options: PublishOptions, env: Env): Promise<{ version: string; branch: string }> {
  const version = await versionOrCommit(ACTION, "--consumer-app-version", options.consumerAppVersion, options.cwd, env);
  if (!version)
    throw new TestkitError(
      "USAGE",
      "Failed to find the consumer version: pass --consumer-app-version <version> (no git commit found)",
    );
  const branch = await branchOrGit(ACTION, "--branch", options.branch, options.cwd, env);
  if (!branch)
    throw new TestkitError("USAGE", "Failed to find the consumer branch: pass --branch <branch> (no git branch found)");
  return { version, branch };
}

/**
 * Publishes the pact files in a folder to a Pact Broker with the official Pact CLI
 * (`pact broker publish`), which posts them to the broker's `pb:publish-contracts` endpoint.
 * Credentials reach the Pact CLI through its environment only, never its command line or the URL it logs.
 *
 * @param options - the folder, working folder, and optional consumer version and branch
 * @param env - `PACT_BROKER_BASE_URL` (required), `PACT_BROKER_TOKEN` or `PACT_BROKER_USERNAME` and
 *   `PACT_BROKER_PASSWORD`; also given whole to git and the Pact CLI (e.g. `PACT_BROKER_HTTP_RETRIES`)
 * @returns what was published, with the Pact CLI's output (secrets redacted)
 * @throws TestkitError `CONFIG` without PACT_BROKER_BASE_URL or with half a username/password pair;
 *   `IO` when the folder is missing, holds no `*.json`, or a file is unreadable, not JSON or not a pact
 *   file (nothing is sent then); `USAGE` for an empty or `-`-led version or branch, or when neither a
 *   flag nor git gives them; `EXTERNAL` when the Pact CLI fails (its message included, secrets redacted)
 * @example
 * ```ts
 * const result = await publishContracts({ cwd: process.cwd(), branch: "main" }, process.env);
 * console.log(result.output);
 * ```
 * @see README.md, "Publish contracts"
 */
export async function publishContracts(options: PublishOptions, env: Env): Promise<PublishResult> {
  const broker = brokerSettings(env, ACTION);
  const files = await listPactFiles(options.cwd, options.dir ?? "contracts");
  // Read each file first, so that an unreadable or broken one fails here, offline, before anything is sent.
  await Promise.all(files.map((file) => readPactFile(options.cwd, file)));
  const { version, branch } = await versionAndBranch(options, env);
  // Absolute paths and `--flag=value` so that no value can be read as a flag.
  const args = [
    "broker",
    "publish",
    ...files.map((file) => resolve(options.cwd, file)),
    `--consumer-app-version=${version}`,
    `--branch=${branch}`,
  ];
  const run = await runPactCli(args, { cwd: options.cwd, broker });
  if (run.status !== 0)
    throw new TestkitError("EXTERNAL", `Failed to publish contracts to ${broker.url}: ${failureReason(run)}`);
  return { brokerUrl: broker.url, files, consumerAppVersion: version, branch, output: run.output };
}
