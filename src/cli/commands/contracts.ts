import type { Command } from "commander";
import { publishContracts } from "../../contracts/publish.js";
import type { CommandContext } from "../run.js";

const PUBLISH_HELP = `
Environment:
  PACT_BROKER_BASE_URL      the Pact Broker's URL (required)
  PACT_BROKER_TOKEN         bearer token, or
  PACT_BROKER_USERNAME      basic auth user name, with
  PACT_BROKER_PASSWORD      basic auth password
  PACT_BROKER_HTTP_RETRIES  retries on an unreachable broker, 5xx, 408 and 429 (Pact CLI default 8, about a minute)

Credentials reach the Pact CLI through its environment and are never printed.
Exit status: 0 published, 2 configuration, input or Pact CLI error.

Examples:
  twilio-testkit contracts publish
  twilio-testkit contracts publish contracts --consumer-app-version 1.2.3 --branch main
  PACT_BROKER_BASE_URL=https://broker.example.com PACT_BROKER_TOKEN=… twilio-testkit contracts publish pacts`;

/** `twilio-testkit contracts …`: the Pact contract workflow; `contracts publish [DIR]` publishes to a Pact Broker. */
export function registerContracts(program: Command, { io }: CommandContext): void {
  const contracts = program.command("contracts").description("Work with the Pact contracts in contracts/.");
  contracts
    .command("publish")
    .description("Publish the Pact files in DIR to a Pact Broker with the official Pact CLI.")
    .argument("[dir]", "folder holding the *.json pact files, relative to the working folder", "contracts")
    .option("--consumer-app-version <version>", "consumer version; default the git commit (git rev-parse HEAD)")
    .option("--branch <branch>", "consumer branch; default the git branch (git rev-parse --abbrev-ref HEAD)")
    .addHelpText("after", PUBLISH_HELP)
    .action(async (dir: string, options: { consumerAppVersion?: string; branch?: string }) => {
      const result = await publishContracts({ dir, cwd: io.cwd, consumerAppVersion: options.consumerAppVersion, branch: options.branch }, io.env);
      if (result.output !== "") io.stdout(`${result.output}\n`);
      const count = result.files.length === 1 ? "1 pact file" : `${result.files.length} pact files`;
      io.stdout(`Published ${count} from ${dir} to ${result.brokerUrl} as version ${result.consumerAppVersion} on branch ${result.branch}\n`);
    });
}
