import { execFile } from "node:child_process";
import { readdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { TestkitError } from "../errors.js";
import { failureReason, redactor, runPactCli } from "./_pact-cli.js";

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
  /** The broker's base URL, any password in it shown as `***` */
  readonly brokerUrl: string;
  /** Paths of the published pact files, relative to `cwd`, sorted */
  readonly files: readonly string[];
  readonly consumerAppVersion: string;
  readonly branch: string;
  /** What the Pact CLI printed, secrets shown as `***` */
  readonly output: string;
}

type Env = Readonly<Record<string, string | undefined>>;

/** Every value that must never be printed: token, password, the Basic credential, a password in the URL. */
function secretsOf(env: Env, baseUrl: string): string[] {
  const { PACT_BROKER_TOKEN: token = "", PACT_BROKER_USERNAME: username, PACT_BROKER_PASSWORD: password = "" } = env;
  const basic = username && password ? Buffer.from(`${username}:${password}`).toString("base64") : "";
  // As typed, since that is how the Pact CLI echoes the URL.
  const userinfo = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)@/i.exec(baseUrl)?.[1] ?? "";
  const urlPassword = userinfo.includes(":") ? userinfo.slice(userinfo.indexOf(":") + 1) : "";
  return [token, password, basic, urlPassword];
}

function brokerUrl(env: Env): string {
  const url = env.PACT_BROKER_BASE_URL?.trim();
  if (!url)
    throw new TestkitError("CONFIG", "Failed to publish contracts: set PACT_BROKER_BASE_URL to the Pact Broker's URL (and PACT_BROKER_TOKEN, or PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD)");
  if (Boolean(env.PACT_BROKER_USERNAME) !== Boolean(env.PACT_BROKER_PASSWORD))
    throw new TestkitError("CONFIG", "Failed to publish contracts: set both PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD, or neither");
  return url;
}

async function pactFiles(cwd: string, dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(resolve(cwd, dir));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such directory" : code === "ENOTDIR" ? "not a directory" : (error as Error).message;
    throw new TestkitError("IO", `Failed to read contracts directory ${dir}: ${reason}`, { cause: error });
  }
  const files = names.filter((name) => name.endsWith(".json")).sort();
  if (files.length === 0) throw new TestkitError("IO", `Failed to publish contracts: ${dir} holds no *.json pact files`);
  return files.map((name) => join(dir, name));
}

/** One line git prints, or undefined when git is missing or fails (not a repository, no commit). */
function git(args: readonly string[], cwd: string, env: Env): Promise<string | undefined> {
  return new Promise((done) => execFile("git", args, { cwd, env }, (error, stdout) => done(error ? undefined : stdout.trim() || undefined)));
}

async function versionAndBranch(options: PublishOptions, env: Env): Promise<{ version: string; branch: string }> {
  const version = options.consumerAppVersion?.trim() || (await git(["rev-parse", "HEAD"], options.cwd, env));
  if (!version) throw new TestkitError("USAGE", "Failed to find the consumer version: pass --consumer-app-version <version> (no git commit found)");
  const detected = options.branch?.trim() || (await git(["rev-parse", "--abbrev-ref", "HEAD"], options.cwd, env));
  if (!detected || detected === "HEAD") throw new TestkitError("USAGE", "Failed to find the consumer branch: pass --branch <branch> (no git branch found)");
  return { version, branch: detected };
}

/**
 * Publishes the pact files in a folder to a Pact Broker with the official Pact CLI
 * (`pact broker publish`), which posts them to the broker's `pb:publish-contracts` endpoint.
 * Credentials reach the Pact CLI through its environment only, never its command line.
 *
 * @param options - the folder, working folder, and optional consumer version and branch
 * @param env - `PACT_BROKER_BASE_URL` (required), `PACT_BROKER_TOKEN` or `PACT_BROKER_USERNAME` and
 *   `PACT_BROKER_PASSWORD`; also given whole to git and the Pact CLI (e.g. `PACT_BROKER_HTTP_RETRIES`)
 * @returns what was published, with the Pact CLI's output (secrets redacted)
 * @throws TestkitError `CONFIG` without PACT_BROKER_BASE_URL or with half a username/password pair;
 *   `IO` when the folder is missing or holds no `*.json`; `USAGE` when neither a flag nor git gives the
 *   version or branch; `EXTERNAL` when the Pact CLI fails (its message included, secrets redacted)
 * @example
 * ```ts
 * const result = await publishContracts({ cwd: process.cwd(), branch: "main" }, process.env);
 * console.log(result.output);
 * ```
 * @see README.md, "Publish contracts"
 */
export async function publishContracts(options: PublishOptions, env: Env): Promise<PublishResult> {
  const url = brokerUrl(env);
  const redact = redactor(secretsOf(env, url));
  const files = await pactFiles(options.cwd, options.dir ?? "contracts");
  const { version, branch } = await versionAndBranch(options, env);
  // Absolute paths and `--flag=value` so that no value can be read as a flag.
  const args = ["broker", "publish", ...files.map((file) => resolve(options.cwd, file)), `--consumer-app-version=${version}`, `--branch=${branch}`];
  const run = await runPactCli(args, { cwd: options.cwd, env });
  if (run.status !== 0) throw new TestkitError("EXTERNAL", redact(`Failed to publish contracts to ${url}: ${failureReason(run)}`));
  return { brokerUrl: redact(url), files, consumerAppVersion: version, branch, output: redact(run.output) };
}
