import type { Command } from "commander";
import { lazily } from "../_lazy.js";
import type { CommandContext } from "../context.js";
import { registerContractsCheck } from "./contracts-check.js";
import { registerContractsVerify } from "./contracts-verify.js";

const canIDeploy = lazily(async () => (await import("../../contracts/can-i-deploy.js")).canIDeploy);
const publishContracts = lazily(async () => (await import("../../contracts/publish.js")).publishContracts);
const recordDeployment = lazily(async () => (await import("../../contracts/record-deployment.js")).recordDeployment);

const ENVIRONMENT_HELP = `
Environment:
  PACT_BROKER_BASE_URL      the Pact Broker's URL (required); credentials in it (https://user:password@host)
                            are used as PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD
  PACT_BROKER_TOKEN         bearer token, or
  PACT_BROKER_USERNAME      basic auth user name, with
  PACT_BROKER_PASSWORD      basic auth password
  PACT_BROKER_HTTP_RETRIES  retries on an unreachable broker, 5xx, 408 and 429 (Pact CLI default 8, about a minute)

Credentials reach the Pact CLI through its environment, never in a URL it logs; every line it prints
is shown with the token, password and Basic credential as ***.`;

const PUBLISH_HELP = `${ENVIRONMENT_HELP}
Exit status: 0 published, 2 configuration, input or Pact CLI error (unreachable broker, 401, 409: a
version's pacts cannot change, publish changed pacts as a new --consumer-app-version).

Examples:
  twilio-testkit contracts publish
  twilio-testkit contracts publish contracts --consumer-app-version 1.2.3 --branch main
  PACT_BROKER_BASE_URL=https://broker.example.com PACT_BROKER_TOKEN=… twilio-testkit contracts publish pacts`;

const CAN_I_DEPLOY_HELP = `${ENVIRONMENT_HELP}
Exit status: 0 deployable, 1 the broker says no (its table says why), 2 the question cannot be asked:
configuration, usage or Pact CLI error (unreachable broker, 401, unknown pacticipant, version or
environment; create an environment with "contracts create-environment").

Examples:
  twilio-testkit contracts can-i-deploy --pacticipant conference-app --to-environment production
  twilio-testkit contracts can-i-deploy --pacticipant conference-app --version 1.2.3 --to-environment test
  twilio-testkit contracts can-i-deploy --pacticipant conference-app --latest --branch main --to-environment test --json`;

const RECORD_DEPLOYMENT_HELP = `${ENVIRONMENT_HELP}
Exit status: 0 recorded, 2 configuration, usage or Pact CLI error (unreachable broker, 401, unknown
version or environment, 409); create an environment with "contracts create-environment".

Examples:
  twilio-testkit contracts record-deployment --pacticipant conference-app --version 1.2.3 --environment production`;

const CREATE_ENVIRONMENT_HELP = `${ENVIRONMENT_HELP}
Exit status: 0 created, or it exists already (nothing changed), 2 configuration, usage or Pact CLI
error (unreachable broker, 401).

Examples:
  twilio-testkit contracts create-environment --name production --production
  twilio-testkit contracts create-environment --name test`;

interface CanIDeployFlags {
  pacticipant: string;
  version?: string;
  latest?: boolean;
  branch?: string;
  toEnvironment: string;
  json?: boolean;
}

/** "version 1.2.3", "latest version", "latest version on main" */
function checked(version: string | undefined, branch: string | undefined): string {
  if (version !== undefined) return `version ${version}`;
  return branch === undefined ? "latest version" : `latest version on ${branch}`;
}

/**
 * `twilio-testkit contracts …`: the Pact Broker workflow: `publish [DIR]` publishes the pact files,
 * `can-i-deploy` asks whether a version may go to an environment, `record-deployment` says it went,
 * `create-environment` creates the environment they name.
 */
export function registerContracts(program: Command, context: CommandContext): void {
  const { io, exit } = context;
  const contracts = program
    .command("contracts")
    .description("Work with the Pact contracts in contracts/ and a Pact Broker.");
  registerContractsCheck(contracts, context);
  registerContractsVerify(contracts, context);
  contracts
    .command("publish")
    .description("Publish the Pact files in DIR to a Pact Broker with the official Pact CLI.")
    .argument("[dir]", "folder holding the *.json pact files, relative to the working folder", "contracts")
    .option("--consumer-app-version <version>", "consumer version; default the git commit (git rev-parse HEAD)")
    .option("--branch <branch>", "consumer branch; default the git branch (git rev-parse --abbrev-ref HEAD)")
    .addHelpText("after", PUBLISH_HELP)
    .action(async (dir: string, options: { consumerAppVersion?: string; branch?: string }) => {
      const result = await publishContracts(
        { dir, cwd: io.cwd, consumerAppVersion: options.consumerAppVersion, branch: options.branch },
        io.env,
      );
      if (result.output !== "") io.stdout(`${result.output}\n`);
      const count = result.files.length === 1 ? "1 pact file" : `${result.files.length} pact files`;
      io.stdout(
        `Published ${count} from ${dir} to ${result.brokerUrl} as version ${result.consumerAppVersion} on branch ${result.branch}\n`,
      );
    });
  contracts
    .command("can-i-deploy")
    .description("Ask a Pact Broker, with the official Pact CLI, whether a version can be deployed to an environment.")
    .requiredOption("--pacticipant <name>", "the application to deploy, e.g. conference-app")
    .option("--version <version>", "its version; default the git commit (git rev-parse HEAD)")
    .option("--latest", "check its latest version (on --branch, when given) instead")
    .option("--branch <branch>", "the branch of the version to check")
    .requiredOption("--to-environment <environment>", "the environment to deploy to, e.g. production")
    .option("--json", "print the broker's answer as JSON instead of a table")
    .addHelpText("after", CAN_I_DEPLOY_HELP)
    .action(async (flags: CanIDeployFlags) => {
      const answer = await canIDeploy({ ...flags, cwd: io.cwd }, io.env);
      if (answer.output !== "") io.stdout(`${answer.output}\n`);
      if (!flags.json)
        io.stdout(
          `${flags.pacticipant} ${checked(answer.version, flags.branch)} ${answer.deployable ? "can" : "cannot"} be deployed to ${flags.toEnvironment}\n`,
        );
      if (!answer.deployable) exit(1);
    });
  contracts
    .command("record-deployment")
    .description("Record in a Pact Broker, with the official Pact CLI, that a version was deployed to an environment.")
    .requiredOption("--pacticipant <name>", "the application deployed, e.g. conference-app")
    .requiredOption("--version <version>", "the version deployed")
    .requiredOption("--environment <environment>", "the environment it was deployed to, e.g. production")
    .addHelpText("after", RECORD_DEPLOYMENT_HELP)
    .action(async (flags: { pacticipant: string; version: string; environment: string }) => {
      const result = await recordDeployment({ ...flags, cwd: io.cwd }, io.env);
      if (result.output !== "") io.stdout(`${result.output}\n`);
      io.stdout(`Recorded ${result.pacticipant} version ${result.version} as deployed to ${result.environment}\n`);
    });
  contracts
    .command("create-environment")
    .description("Create an environment in a Pact Broker with the official Pact CLI (nothing to do when it exists).")
    .requiredOption("--name <name>", "the environment's name, as deployments use it, e.g. production")
    .option("--production", "mark it as a production environment")
    .addHelpText("after", CREATE_ENVIRONMENT_HELP)
    .action(async (flags: { name: string; production?: boolean }) => {
      const { createEnvironment } = await import("../../contracts/create-environment.js");
      const result = await createEnvironment({ ...flags, cwd: io.cwd }, io.env);
      if (result.created && result.output !== "") io.stdout(`${result.output}\n`);
      io.stdout(
        result.created
          ? `Created environment ${result.name} in ${result.brokerUrl}\n`
          : `Environment ${result.name} already exists in ${result.brokerUrl}; nothing to do\n`,
      );
    });
}
