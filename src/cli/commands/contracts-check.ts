import type { Command } from "commander";
import { printable } from "../../_printable.js";
import type { CheckReport } from "../../contracts/check.js";
import { lazily } from "../_lazy.js";
import type { CommandContext } from "../context.js";

const checkContracts = lazily(async () => (await import("../../contracts/check.js")).checkContracts);

const CHECK_HELP = `
Checks, offline, that each interaction is a catalogued Twilio operation whose request parameters
the request schemas accept (no unknown query or form keys), that its response status is one the
operation answers, that its response example passes the response schema (Twilio's error schema for
4xx/5xx) for the fields it pins (a page whose items are matched by eachLike read as Pact matches
it: the item count its envelope states), that each provider state is one the provider has a
handler for, with the parameters that handler needs, that its example passes in full, and that no
pinned field uses a matcher weaker than its schema (a type matcher on a SID, an enum or an RFC 2822
date).

Exit status: 0 every interaction agrees with the schemas, 1 findings, 2 usage or input error.

Examples:
  twilio-testkit contracts check
  twilio-testkit contracts check contracts --strict
  twilio-testkit contracts check pacts --json`;

function summary(report: CheckReport): string {
  const interactions = report.files.reduce((sum, f) => sum + f.interactions, 0);
  return `${interactions} interactions in ${report.files.length} pact files (${report.profile} profile)`;
}

function printed(report: CheckReport): string {
  if (report.findings.length === 0) return `ok: ${summary(report)} agree with the schemas\n`;
  // File names, descriptions, paths and messages come from the pact files: each stays on its line, its controls escaped.
  const lines = report.findings.map(
    (f) =>
      `${printable(f.file)} › ${printable(f.interaction)} › ${printable(f.path) || "(interaction)"}  ${printable(f.message)} [${f.rule}]`,
  );
  const count = report.findings.length === 1 ? "1 finding" : `${report.findings.length} findings`;
  return `${lines.join("\n")}\n${count} in ${summary(report)}\n`;
}

/** `twilio-testkit contracts check [DIR]`: every interaction's request, response and matchers against the schemas. */
export function registerContractsCheck(contracts: Command, { io, exit }: CommandContext): void {
  contracts
    .command("check")
    .description("Check every interaction of the Pact files in DIR against the Twilio schemas, offline.")
    .argument("[dir]", "folder holding the *.json pact files, relative to the working folder", "contracts")
    .option("--strict", "check response examples against today's documented shape, not just what Twilio may send")
    .option("--json", "print the report as JSON: {ok, profile, files, findings}")
    .addHelpText("after", CHECK_HELP)
    .action(async (dir: string, options: { strict?: boolean; json?: boolean }) => {
      const report = await checkContracts({ dir, cwd: io.cwd, profile: options.strict ? "strict" : "tolerant" });
      const ok = report.findings.length === 0;
      io.stdout(options.json ? `${JSON.stringify({ ok, ...report }, null, 2)}\n` : printed(report));
      if (!ok) exit(1);
    });
}
