// internal: what every Pact Broker command reads from its surroundings: the PACT_BROKER_* variables,
// the secrets among them, the git commit and branch that name a version by default, and the check on
// the names and versions it passes to the Pact CLI.
import { execFile } from "node:child_process";
import { TestkitError } from "../errors.js";
import { redactor } from "./_pact-cli.js";

/** Environment variables, as `process.env` holds them. */
export type Env = Readonly<Record<string, string | undefined>>;

/**
 * The Pact Broker settings, checked: where it is, how to log in, and how to hide the secrets.
 * `username` and `password` are both set or both undefined, so checking one narrows the other.
 */
export type BrokerSettings = {
  /** `PACT_BROKER_BASE_URL`, trimmed; may hold a password, so show it only through `redact` */
  readonly url: string;
  /** `PACT_BROKER_TOKEN`, when set */
  readonly token: string | undefined;
  /** Replaces every secret (token, password, Basic credential, password in the URL) with `***` */
  readonly redact: (text: string) => string;
} & (
  | { /** `PACT_BROKER_USERNAME` */ readonly username: string; /** `PACT_BROKER_PASSWORD` */ readonly password: string }
  | { readonly username: undefined; readonly password: undefined }
);

/** Every value that must never be printed: token, password, the Basic credential, a password in the URL. */
function secretsOf(env: Env, baseUrl: string): string[] {
  const { PACT_BROKER_TOKEN: token = "", PACT_BROKER_USERNAME: username, PACT_BROKER_PASSWORD: password = "" } = env;
  const basic = username && password ? Buffer.from(`${username}:${password}`).toString("base64") : "";
  // As typed, since that is how the Pact CLI echoes the URL.
  const userinfo = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)@/i.exec(baseUrl)?.[1] ?? "";
  const urlPassword = userinfo.includes(":") ? userinfo.slice(userinfo.indexOf(":") + 1) : "";
  return [token, password, basic, urlPassword];
}

/**
 * Reads and checks the `PACT_BROKER_*` variables.
 *
 * @param env - `PACT_BROKER_BASE_URL` (required), `PACT_BROKER_TOKEN` or `PACT_BROKER_USERNAME` and `PACT_BROKER_PASSWORD`
 * @param action - what the caller is doing, for the message: "publish contracts", "check can-i-deploy", …
 * @returns the settings, with a redactor for everything printed
 * @throws TestkitError `CONFIG` without PACT_BROKER_BASE_URL ("Failed to <action>: set PACT_BROKER_BASE_URL …"),
 *   with one that is not an http(s) URL, or with half a username/password pair
 * @example
 * ```ts
 * const broker = brokerSettings(process.env, "record deployment");
 * console.log(broker.redact(broker.url));
 * ```
 */
export function brokerSettings(env: Env, action: string): BrokerSettings {
  const url = env.PACT_BROKER_BASE_URL?.trim();
  if (!url)
    throw new TestkitError("CONFIG", `Failed to ${action}: set PACT_BROKER_BASE_URL to the Pact Broker's URL (and PACT_BROKER_TOKEN, or PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD)`);
  if (Boolean(env.PACT_BROKER_USERNAME) !== Boolean(env.PACT_BROKER_PASSWORD))
    throw new TestkitError("CONFIG", `Failed to ${action}: set both PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD, or neither`);
  const { PACT_BROKER_USERNAME: username, PACT_BROKER_PASSWORD: password } = env;
  const basic = username && password ? { username, password } : { username: undefined, password: undefined };
  const redact = redactor(secretsOf(env, url));
  if (!/^https?:$/.test(URL.canParse(url) ? new URL(url).protocol : ""))
    throw new TestkitError("CONFIG", `Failed to ${action}: PACT_BROKER_BASE_URL ${JSON.stringify(redact(url))} is not an http or https URL`);
  return { url, token: env.PACT_BROKER_TOKEN || undefined, ...basic, redact };
}

/** One line git prints, or undefined when git is missing or fails (not a repository, no commit). */
function git(args: readonly string[], cwd: string, env: Env): Promise<string | undefined> {
  return new Promise((done) => execFile("git", args, { cwd, env }, (error, stdout) => done(error ? undefined : stdout.trim() || undefined)));
}

/**
 * A pacticipant version: the flag's value, checked as {@link brokerValue} checks it (an explicit empty
 * value is an error, not a fallback), else the commit checked out in `cwd` (`git rev-parse HEAD`).
 *
 * @param action - what the caller is doing, for messages: "publish contracts", …
 * @param flag - the flag the value came from, e.g. `--consumer-app-version`
 * @returns the version, or undefined when the flag is absent and git gives none (outside git, before the first commit)
 * @throws TestkitError `USAGE` for an empty or `-`-led flag value
 */
export async function versionOrCommit(action: string, flag: string, value: string | undefined, cwd: string, env: Env): Promise<string | undefined> {
  return value === undefined ? git(["rev-parse", "HEAD"], cwd, env) : brokerValue(action, flag, value);
}

/**
 * A pacticipant version's branch: the flag's value, checked as {@link brokerValue} checks it, else the
 * branch checked out in `cwd` (`git rev-parse --abbrev-ref HEAD`).
 *
 * @param action - what the caller is doing, for messages
 * @param flag - the flag the value came from, e.g. `--branch`
 * @returns the branch, or undefined when the flag is absent and git gives none (outside git, before the first commit, on a detached HEAD)
 * @throws TestkitError `USAGE` for an empty or `-`-led flag value
 */
export async function branchOrGit(action: string, flag: string, value: string | undefined, cwd: string, env: Env): Promise<string | undefined> {
  if (value !== undefined) return brokerValue(action, flag, value);
  const branch = await git(["rev-parse", "--abbrev-ref", "HEAD"], cwd, env);
  return branch === "HEAD" ? undefined : branch;
}

/**
 * A name, version, branch or environment to pass to the Pact CLI, trimmed.
 *
 * @param action - what the caller is doing, for the message: "check can-i-deploy", …
 * @param flag - the flag it came from, for the message: "--pacticipant", …
 * @throws TestkitError `USAGE` when it is empty, or starts with `-` (the Pact CLI would read it as a flag)
 */
export function brokerValue(action: string, flag: string, value: string): string {
  const trimmed = value.trim();
  if (trimmed === "") throw new TestkitError("USAGE", `Failed to ${action}: ${flag} needs a value`);
  if (trimmed.startsWith("-")) throw new TestkitError("USAGE", `Failed to ${action}: ${flag} ${JSON.stringify(trimmed)} must not start with "-"`);
  return trimmed;
}
