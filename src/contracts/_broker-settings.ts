// internal: what every Pact Broker command reads from its surroundings: the PACT_BROKER_* variables,
// the secrets among them, the git commit and branch that name a version by default, and the check on
// the names and versions it passes to the Pact CLI.
import { execFile } from "node:child_process";
import { TestkitError } from "../errors.js";
import { redactor } from "./_redactor.js";

/** Environment variables, as `process.env` holds them. */
export type Env = Readonly<Record<string, string | undefined>>;

/**
 * The Pact Broker settings, checked: where it is, how to log in, and how to hide the secrets.
 * `username` and `password` are both set or both undefined, so checking one narrows the other.
 */
export type BrokerSettings = {
  /** `PACT_BROKER_BASE_URL`, trimmed, without the credentials it may have held (they are in `username` and `password`): safe to show */
  readonly url: string;
  /** `PACT_BROKER_TOKEN`, when set */
  readonly token: string | undefined;
  /** Replaces every secret (token, password, Basic credential, password in the URL, their encodings) with `***` */
  readonly redact: (text: string) => string;
  /**
   * The environment for the Pact CLI: `env` with `PACT_BROKER_BASE_URL` without credentials and the
   * credentials in `PACT_BROKER_TOKEN` or `PACT_BROKER_USERNAME` and `PACT_BROKER_PASSWORD`
   */
  readonly pactCliEnv: Env;
} & (
  | {
      /** `PACT_BROKER_USERNAME`, or the user name in the URL */
      readonly username: string;
      /** `PACT_BROKER_PASSWORD`, or the password in the URL */
      readonly password: string;
    }
  | { readonly username: undefined; readonly password: undefined }
);

/** `decodeURIComponent`, or the text as it is when it is not valid percent-encoding. */
function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Every form in which secrets could be printed: as given, percent-encoded and decoded (as URLs show
 * them), base64 (as a broker that echoes a header shows them), and the Basic credential of `username`.
 */
function secretForms(secrets: readonly string[], username: string, password: string): string[] {
  const forms = (secret: string) =>
    secret === "" ? [] : [secret, encodeURIComponent(secret), decoded(secret), Buffer.from(secret).toString("base64")];
  const basic = password === "" ? [] : [Buffer.from(`${username}:${password}`).toString("base64")];
  return [...secrets.flatMap(forms), ...basic];
}

/** A URL taken apart: without its `user:password@`, the user name and password (decoded), and a redactor for the password's forms. */
export interface UrlCredentials {
  /** The URL as typed, without `user:password@`: safe to show */
  readonly bare: string;
  /** The user name in the URL, decoded; "" when none */
  readonly username: string;
  /** The password in the URL, decoded; "" when none */
  readonly password: string;
  /** Replaces the password, in every form, with `***` */
  readonly redact: (text: string) => string;
}

/**
 * Takes the credentials out of a URL such as `https://user:p%40ss@host/`, as typed (the URL parser
 * would re-encode them).
 *
 * @param url - any text; without `scheme://…@` it is returned as `bare` with no credentials
 */
export function urlCredentials(url: string): UrlCredentials {
  const match = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)@/i.exec(url);
  const userinfo = match?.[2] ?? "";
  const colon = userinfo.indexOf(":");
  const [typedUser, typedPassword] =
    colon === -1 ? [userinfo, ""] : [userinfo.slice(0, colon), userinfo.slice(colon + 1)];
  const username = decoded(typedUser);
  const password = decoded(typedPassword);
  const bare = match ? `${match[1]}${url.slice(match[0].length)}` : url;
  return { bare, username, password, redact: redactor(secretForms([typedPassword, password], username, password)) };
}

/**
 * Reads and checks the `PACT_BROKER_*` variables. Credentials inside `PACT_BROKER_BASE_URL`
 * (`https://user:password@host/`) are taken out of it and used as `PACT_BROKER_USERNAME` and
 * `PACT_BROKER_PASSWORD`, so that no tool logs them with the URL.
 *
 * @param env - `PACT_BROKER_BASE_URL` (required), `PACT_BROKER_TOKEN` or `PACT_BROKER_USERNAME` and `PACT_BROKER_PASSWORD`
 * @param action - what the caller is doing, for the message: "publish contracts", "check can-i-deploy", …
 * @returns the settings, with a redactor for everything printed
 * @throws TestkitError `CONFIG` without PACT_BROKER_BASE_URL ("Failed to <action>: set PACT_BROKER_BASE_URL …"),
 *   with one that is not an http(s) URL, with half a username/password pair (in the variables or the
 *   URL), or with credentials both in the URL and in PACT_BROKER_USERNAME / PACT_BROKER_PASSWORD
 * @example
 * ```ts
 * const broker = brokerSettings(process.env, "record deployment");
 * console.log(broker.url); // never holds a password
 * ```
 */
export function brokerSettings(env: Env, action: string): BrokerSettings {
  const given = env.PACT_BROKER_BASE_URL?.trim();
  if (!given)
    throw new TestkitError(
      "CONFIG",
      `Failed to ${action}: set PACT_BROKER_BASE_URL to the Pact Broker's URL (and PACT_BROKER_TOKEN, or PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD)`,
    );
  const inUrl = urlCredentials(given);
  const url = inUrl.bare;
  const token = env.PACT_BROKER_TOKEN || undefined;
  const username = env.PACT_BROKER_USERNAME || inUrl.username;
  const password = env.PACT_BROKER_PASSWORD || inUrl.password;
  const secrets = redactor(secretForms([token ?? "", password], username, password));
  const redact = (text: string) => secrets(inUrl.redact(text));
  if (url !== given && (env.PACT_BROKER_USERNAME || env.PACT_BROKER_PASSWORD))
    throw new TestkitError(
      "CONFIG",
      `Failed to ${action}: PACT_BROKER_BASE_URL holds credentials and PACT_BROKER_USERNAME / PACT_BROKER_PASSWORD are set too; keep one of them`,
    );
  if (url !== given && !inUrl.password)
    throw new TestkitError(
      "CONFIG",
      `Failed to ${action}: PACT_BROKER_BASE_URL holds a user name without a password; give https://user:password@host/, or PACT_BROKER_TOKEN for a token`,
    );
  if (Boolean(username) !== Boolean(password))
    throw new TestkitError(
      "CONFIG",
      `Failed to ${action}: set both PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD, or neither`,
    );
  if (!/^https?:$/.test(URL.canParse(url) ? new URL(url).protocol : ""))
    throw new TestkitError(
      "CONFIG",
      `Failed to ${action}: PACT_BROKER_BASE_URL ${JSON.stringify(redact(url))} is not an http or https URL`,
    );
  const basic = username && password ? { username, password } : { username: undefined, password: undefined };
  const pactCliEnv = {
    ...env,
    PACT_BROKER_BASE_URL: url,
    PACT_BROKER_TOKEN: token,
    PACT_BROKER_USERNAME: basic.username,
    PACT_BROKER_PASSWORD: basic.password,
  };
  return { url, token, ...basic, redact, pactCliEnv };
}

/** One line git prints, or undefined when git is missing or fails (not a repository, no commit). */
function git(args: readonly string[], cwd: string, env: Env): Promise<string | undefined> {
  return new Promise((done) =>
    execFile("git", args, { cwd, env }, (error, stdout) => done(error ? undefined : stdout.trim() || undefined)),
  );
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
export async function versionOrCommit(
  action: string,
  flag: string,
  value: string | undefined,
  cwd: string,
  env: Env,
): Promise<string | undefined> {
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
export async function branchOrGit(
  action: string,
  flag: string,
  value: string | undefined,
  cwd: string,
  env: Env,
): Promise<string | undefined> {
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
  if (trimmed.startsWith("-"))
    throw new TestkitError("USAGE", `Failed to ${action}: ${flag} ${JSON.stringify(trimmed)} must not start with "-"`);
  return trimmed;
}
