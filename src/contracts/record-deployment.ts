import { TestkitError } from "../errors.js";
import { brokerSettings, brokerValue, type Env } from "./_broker-settings.js";
import { failureReason, runPactCli } from "./_pact-cli.js";

const ACTION = "record deployment";

/** Which pacticipant version went to which environment. */
export interface RecordDeploymentOptions {
  /** The application deployed, e.g. `conference-app` */
  readonly pacticipant: string;
  /** The version deployed, as published */
  readonly version: string;
  /** The environment it went to, e.g. `production`; it must exist in the broker */
  readonly environment: string;
  /** Working folder: the Pact CLI runs in it */
  readonly cwd: string;
}

/** What was recorded. */
export interface RecordDeploymentResult {
  readonly pacticipant: string;
  readonly version: string;
  readonly environment: string;
  /** What the Pact CLI printed, secrets shown as `***` */
  readonly output: string;
}

/**
 * Tells a Pact Broker that a pacticipant version is now deployed to an environment, with the official
 * Pact CLI (`pact broker record-deployment`, which posts to the version's `pb:record-deployment` link
 * for that environment). Credentials reach the Pact CLI through its environment only.
 *
 * @param options - the pacticipant, version and environment
 * @param env - `PACT_BROKER_BASE_URL` (required), `PACT_BROKER_TOKEN` or `PACT_BROKER_USERNAME` and
 *   `PACT_BROKER_PASSWORD`; also given whole to the Pact CLI (e.g. `PACT_BROKER_HTTP_RETRIES`)
 * @returns what was recorded, with what the Pact CLI printed (secrets redacted)
 * @throws TestkitError `CONFIG` without PACT_BROKER_BASE_URL or with half a username/password pair;
 *   `USAGE` for an empty or `-`-led value; `EXTERNAL` when the Pact CLI fails: broker unreachable,
 *   401, unknown version or environment (saying how to create it), 409, … (its message on one line, secrets redacted)
 * @example
 * ```ts
 * await recordDeployment({ pacticipant: "conference-app", version: "1.2.3", environment: "production", cwd: process.cwd() }, process.env);
 * ```
 * @see README.md, "Publish contracts"
 */
export async function recordDeployment(options: RecordDeploymentOptions, env: Env): Promise<RecordDeploymentResult> {
  const broker = brokerSettings(env, ACTION);
  const pacticipant = brokerValue(ACTION, "--pacticipant", options.pacticipant);
  const version = brokerValue(ACTION, "--version", options.version);
  const environment = brokerValue(ACTION, "--environment", options.environment);
  const args = [
    "broker",
    "record-deployment",
    `--pacticipant=${pacticipant}`,
    `--version=${version}`,
    `--environment=${environment}`,
  ];
  const run = await runPactCli(args, { cwd: options.cwd, broker });
  if (run.status !== 0)
    throw new TestkitError(
      "EXTERNAL",
      `Failed to ${ACTION} of ${pacticipant} ${version} to ${environment}: ${failureReason(run)}`,
    );
  return { pacticipant, version, environment, output: run.output };
}
