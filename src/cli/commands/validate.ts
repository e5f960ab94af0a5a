import type { Command } from "commander";
import { resolve } from "node:path";
import { printable } from "../../_printable.js";
import { findOperation, OPERATIONS } from "../../catalogue/operations.js";
import { TestkitError } from "../../errors.js";
import { formatIssues } from "../../validate/issues.js";
import { readTextFile, type CliIo } from "../io.js";
import { lazily } from "../_lazy.js";
import type { CommandContext } from "../context.js";

const validateResponse = lazily(async () => (await import("../../validate/validate.js")).validateResponse);

async function readInput(file: string | undefined, io: CliIo): Promise<{ text: string; name: string }> {
  if (file === undefined || file === "-") {
    if (file === undefined && io.stdinIsTTY)
      throw new TestkitError("USAGE", "Failed to read input: give a FILE, or pipe JSON to standard input");
    return { text: await io.readStdin(), name: "standard input" };
  }
  if (file.trim() === "")
    throw new TestkitError(
      "USAGE",
      "Failed to read input: the FILE argument is empty; give a file, or - for standard input",
    );
  try {
    return { text: await readTextFile(resolve(io.cwd, file), file), name: file };
  } catch (error) {
    if (error instanceof TestkitError) throw error;
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
    throw new TestkitError("IO", `Failed to read ${file}: ${reason}`, { cause: error });
  }
}

function parseJson(text: string, name: string): unknown {
  if (text.trim() === "") throw new TestkitError("IO", `Failed to read ${name}: it is empty`);
  try {
    return JSON.parse(text);
  } catch (error) {
    // V8 quotes the start of the input in its message, newlines and all: keep the message on one line.
    throw new TestkitError(
      "IO",
      `Failed to read ${name}: not JSON (${(error as Error).message.replace(/\s+/g, " ")})`,
      { cause: error },
    );
  }
}

/**
 * `twilio-testkit validate <operation> [FILE|-]`: checks a response body against the operation's
 * schema. Exit 0 valid, 1 invalid (each issue's path and rule printed), 2 usage or I/O error.
 */
export function registerValidate(program: Command, { io, exit }: CommandContext): void {
  program
    .command("validate")
    .description("Check a Twilio response body (JSON) against the schema of its operation.")
    .argument(
      "<operation>",
      `Twilio operationId or seed-page tool name: ${OPERATIONS.map((o) => o.operationId).join(", ")}`,
    )
    .argument("[file]", "JSON file to check; - or nothing reads standard input")
    .option("--strict", "check today's documented shape and the cross-field rules, not just what Twilio may send")
    .option("--json", "print the result as JSON: {ok, operation, profile, issues}")
    .addHelpText(
      "after",
      "\nExit status: 0 valid, 1 invalid, 2 usage or input error.\n\nExamples:\n  twilio-testkit validate ListParticipant page.json\n  curl -s … | twilio-testkit validate listParticipant --strict",
    )
    .action(async (operation: string, file: string | undefined, options: { strict?: boolean; json?: boolean }) => {
      const op = findOperation(operation);
      const input = await readInput(file, io);
      const profile = options.strict ? "strict" : "tolerant";
      const result = await validateResponse(op.operationId, parseJson(input.text, input.name), { profile });
      const issues = result.ok ? [] : result.issues;
      if (options.json)
        io.stdout(`${JSON.stringify({ ok: result.ok, operation: op.operationId, profile, issues }, null, 2)}\n`);
      else if (result.ok)
        io.stdout(`valid: ${printable(input.name)} is a ${op.operationId} response (${profile} profile)\n`);
      else
        io.stdout(
          `invalid: ${printable(input.name)} is not a ${op.operationId} response (${profile} profile)\n${formatIssues(issues)}\n`,
        );
      if (!result.ok) exit(1);
    });
}
