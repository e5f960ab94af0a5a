import { TestkitError } from "../errors.js";
import { brokerSettings, brokerValue, type Env } from "./_broker-settings.js";
import { failureReason, runPactCli } from "./_pact-cli.js";

const ACTION = "create environment";

/** The environment to create. */
export interface CreateEnvironmentOptions {
  /** Its name as deployment steps use it, e.g. `production` */
  readonly name: string;
  /** Whether it is a production environment (informational in the broker) */
  readonly production?: boolean | undefined;
  /** Working folder: the Pact CLI runs in it */
  readonly cwd: string;
}

/** What happened. */
export interface CreateEnvironmentResult {
  /** The environment's name, as given (trimmed) */
  readonly name: string;
  /** False when the broker already had an environment of that name (nothing was changed) */
  readonly created: boolean;
  /** The broker's base URL, without the credentials it may have held */
  readonly brokerUrl: string;
  /** What the Pact CLI printed, secrets shown as `***` */
  readonly output: string;
}

/** Pact Broker's answer (400) when the name is taken: "name 'production' is already used by an existing environment." */
const ALREADY_EXISTS = /already used by an existing environment/;

/**
 * Creates an environment in a Pact Broker (`can-i-deploy --to-environment` and `record-deployment
 * --environment` need it) with the official Pact CLI (`pact broker create-environment`, which posts
 * to the broker's `pb:environments`). Safe to run on every CI build: an environment that exists
 * already is reported, not an error. Credentials reach the Pact CLI through its environment only.
 *
 * @param options - the name, whether it is production, the working folder
 * @param env - `PACT_BROKER_BASE_URL` (required), `PACT_BROKER_TOKEN` or `PACT_BROKER_USERNAME` and
 *   `PACT_BROKER_PASSWORD`; also given whole to the Pact CLI (e.g. `PACT_BROKER_HTTP_RETRIES`)
 * @returns whether it was created or existed already, with what the Pact CLI printed (secrets redacted)
 * @throws TestkitError `CONFIG` without PACT_BROKER_BASE_URL or with half a username/password pair;
 *   `USAGE` for an empty or `-`-led name; `EXTERNAL` when the Pact CLI fails: broker unreachable,
 *   401, … (its message on one line, secrets redacted)
 * @example
 * ```ts
 * await createEnvironment({ name: "production", production: true, cwd: process.cwd() }, process.env);
 * ```
 * @see README.md, "Publish contracts"
 */
export async function createEnvironment(options: CreateEnvironmentOptions, env: Env): Promise<CreateEnvironmentResult> {
  const broker = brokerSettings(env, ACTION);
  const name = brokerValue(ACTION, "--name", options.name);
  const args = ["broker", "create-environment", `--name=${name}`, ...(options.production ? ["--production"] : [])];
  const run = await runPactCli(args, { cwd: options.cwd, broker });
  const result = { name, brokerUrl: broker.url, output: run.output };
  if (run.status === 0) return { ...result, created: true };
  if (ALREADY_EXISTS.test(run.output)) return { ...result, created: false };
  throw new TestkitError("EXTERNAL", `Failed to ${ACTION} ${name} in ${broker.url}: ${failureReason(run)}`);
}
