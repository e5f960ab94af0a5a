import type { Command } from "commander";
import type { CommandContext } from "../run.js";

/** `twilio-testkit contracts …`: the Pact contract workflow. */
export function registerContracts(program: Command, _context: CommandContext): void {
  program.command("contracts").description("Work with the Pact contracts in contracts/.");
}
