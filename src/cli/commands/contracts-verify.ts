import type { Command } from "commander";
import { TestkitError } from "../../errors.js";
import { PROVIDER_STATES_PATH } from "../../catalogue/provider-states.js";
import { lazily } from "../_lazy.js";
import { parseInteger } from "../_options.js";
import type { CommandContext } from "../context.js";

const verifyContracts = lazily(async () => (await import("../../contracts/verify.js")).verifyContracts);

const VERIFY_HELP = `
Replays every interaction of the pact files in DIR against the provider with the official Pact
Verifier, after putting each interaction's provider state in place through the provider's
${PROVIDER_STATES_PATH} endpoint. Without --provider-base-url a fake Twilio is started for the run.

Callback contracts (provider twilio-callbacks: the Pact V4 messages a webhook receiver expects) in DIR
are verified against the kit's callback producer, started for the run on 127.0.0.1: for each message
it builds the callback from the provider state's example with the callback factories, as the fake
Twilio sends it. --provider-base-url and --seed concern the REST API contracts only.

With --publish-verification-results the pacts come from the Pact Broker instead of DIR (the
consumer versions on their main branch, on this provider branch, and deployed or released), and the
results go back to it. Broker settings as for "contracts publish": PACT_BROKER_BASE_URL (credentials
in it are passed apart from it), and PACT_BROKER_TOKEN or PACT_BROKER_USERNAME / PACT_BROKER_PASSWORD;
never printed. Without --publish-verification-results they are ignored.

A pending pact (new to this provider) that fails is reported as such ("1 pending pact failed
(conference-app: 1 interaction); results published as failed; exit 0 because pending"): its failed
result goes to the broker, yet the run succeeds, as pending pacts do not break the provider's build. A provider state the fake
Twilio refuses is shown with its message. A --provider-base-url with credentials is refused (exit 2).

Exit status: 0 verified (pending pacts may have failed), 1 an interaction failed, 2 usage, input or
configuration error, the provider or the Pact Broker failing (the message names which), or the
results not published.

Examples:
  twilio-testkit contracts verify
  twilio-testkit serve --port 4010 &  twilio-testkit contracts verify --provider-base-url http://127.0.0.1:4010
  twilio-testkit contracts verify --publish-verification-results --provider-app-version 1.4.0 --branch main`;

interface VerifyFlags {
  providerBaseUrl?: string;
  seed?: string;
  publishVerificationResults?: boolean;
  providerAppVersion?: string;
  branch?: string;
}

/** Flags that would do nothing in this combination are refused rather than ignored. */
function unusedFlag(dir: string | undefined, flags: VerifyFlags): string | undefined {
  if (!flags.publishVerificationResults && flags.providerAppVersion !== undefined)
    return "--provider-app-version goes with --publish-verification-results";
  if (!flags.publishVerificationResults && flags.branch !== undefined)
    return "--branch goes with --publish-verification-results";
  if (flags.publishVerificationResults && dir !== undefined)
    return "DIR goes without --publish-verification-results (the pacts then come from the broker)";
  if (flags.providerBaseUrl !== undefined && flags.seed !== undefined)
    return "--seed seeds the fake Twilio started for the run, so it goes without --provider-base-url";
  return undefined;
}

/** "1 pending pact failed (conference-app: 2 interactions)", or undefined when no pending pact failed. */
function pendingPacts(failures: readonly string[]): string | undefined {
  if (failures.length === 0) return undefined;
  const byPact = new Map<string, number>();
  for (const failure of failures) {
    const consumer = /^(\S+) and /.exec(failure)?.[1] ?? failure;
    byPact.set(consumer, (byPact.get(consumer) ?? 0) + 1);
  }
  const list = [...byPact]
    .map(([consumer, count]) => `${consumer}: ${count === 1 ? "1 interaction" : `${count} interactions`}`)
    .join(", ");
  return `${byPact.size === 1 ? "1 pending pact" : `${byPact.size} pending pacts`} failed (${list})`;
}

/** `twilio-testkit contracts verify [DIR]`: Pact verification against the fake Twilio or a given provider. */
export function registerContractsVerify(contracts: Command, { io }: CommandContext): void {
  contracts
    .command("verify")
    .description(
      "Verify the Pact files in DIR against a fake Twilio (or --provider-base-url) with the official Pact Verifier.",
    )
    .argument("[dir]", "folder holding the *.json pact files, relative to the working folder (default: contracts)")
    .option("--provider-base-url <url>", "the provider to verify; default a fake Twilio started for the run")
    .option("--seed <s>", "seed of the fake Twilio started for the run (a whole number)")
    .option("--publish-verification-results", "verify the broker's pacts and publish the results to it")
    .option("--provider-app-version <version>", "provider version for the published results; default the git commit")
    .option("--branch <branch>", "provider branch for the published results; default the git branch")
    .addHelpText("after", VERIFY_HELP)
    .action(async (given: string | undefined, flags: VerifyFlags) => {
      const unused = unusedFlag(given, flags);
      if (unused !== undefined) throw new TestkitError("USAGE", `Failed to verify contracts: ${unused}`);
      const dir = given ?? "contracts";
      const publish = flags.publishVerificationResults
        ? { providerVersion: flags.providerAppVersion, branch: flags.branch }
        : undefined;
      const seed =
        flags.seed === undefined ? undefined : parseInteger("--seed", flags.seed, 0, Number.MAX_SAFE_INTEGER);
      const result = await verifyContracts(
        { dir, cwd: io.cwd, providerBaseUrl: flags.providerBaseUrl, seed, publish },
        io.env,
      );
      const restFiles = result.files.length - result.callbackFiles.length;
      const what = result.published ? "the broker's pacts" : `${restFiles} pact files from ${dir}`;
      const pending = pendingPacts(result.pendingFailures);
      if (pending !== undefined) io.stdout(`${pending}; results published as failed; exit 0 because pending\n`);
      else if (result.published || restFiles > 0) io.stdout(`Verified ${what} against ${result.providerBaseUrl}\n`);
      if (result.callbackFiles.length > 0)
        io.stdout(
          `Verified ${result.callbackFiles.length} callback pact files from ${dir} against the kit's callback producer\n`,
        );
      if (result.published)
        io.stdout(
          `Published the results to ${result.published.brokerUrl} as provider version ${result.published.providerVersion} on branch ${result.published.branch}\n`,
        );
    });
}
