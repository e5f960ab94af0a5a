import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { printable, printableLines } from "../_printable.js";
import { TestkitError } from "../errors.js";
import { registerContracts } from "./commands/contracts.js";
import { registerFake } from "./commands/fake.js";
import { registerServe } from "./commands/serve.js";
import { registerValidate } from "./commands/validate.js";
import type { CommandContext } from "./context.js";
import type { CliIo, ExitCode } from "./io.js";

const PACKAGE_JSON = new URL("../../package.json", import.meta.url);

/** The kit's version, from its package.json (two folders up from src/cli/ and from dist/bundle/ alike). */
const version = (): string => (JSON.parse(readFileSync(PACKAGE_JSON, "utf8")) as { version: string }).version;

/**
 * Commander's usage errors ("error: unknown option '--x'", with a "(Did you mean …?)" line at times)
 * as one line on standard error, like every other error of the CLI.
 */
const usageError = (text: string, write: (text: string) => void): void =>
  write(
    `twilio-testkit: ${text
      .trim()
      .replace(/^error: /, "")
      .replace(/\s*\n\s*/g, " ")} (add --help for usage)\n`,
  );

function buildProgram(context: CommandContext): Command {
  const output = { writeOut: context.io.stdout, writeErr: context.io.stderr, outputError: usageError };
  const program = new Command("twilio-testkit")
    .description("Fake Twilio Voice resources, validate responses against the schemas, and publish Pact contracts.")
    .version(version(), "--version", "print the kit's version and exit 0")
    // Program options only before the command: `contracts can-i-deploy --version 1.2.3` is the command's own.
    .enablePositionalOptions()
    .configureOutput(output);
  registerFake(program, context);
  registerValidate(program, context);
  registerContracts(program, context);
  registerServe(program, context);
  program.commands.forEach(function exitOverride(command: Command): void {
    command.exitOverride().configureOutput(output);
    command.commands.forEach(exitOverride);
  });
  return program.exitOverride();
}

/**
 * An error message as printed: one line, its line feeds escaped, unless it ends in the issue list
 * of `formatIssues` ("…: 2 issues:" then one line per issue), whose values come escaped and whose
 * line feeds only separate the issues.
 */
function errorLines(message: string): string {
  const [head = "", ...issues] = message.split("\n");
  return /: \d+ issues?:$/.test(head) && issues.every((line) => line.startsWith("  ")) ? message : printable(message);
}

/**
 * Runs the CLI on raw arguments without touching `process`: tests call it directly.
 *
 * @param argv - arguments after the program name, e.g. `["fake", "participant", "--seed", "1"]`
 * @param io - streams, environment and working folder
 * @returns the exit code: 0 success, 1 invalid body or failed verification, 2 usage, I/O or configuration error
 */
export async function runCli(argv: readonly string[], given: CliIo): Promise<ExitCode> {
  // Everything printed goes through here, so no control character from a file or argument reaches the terminal raw.
  const io: CliIo = {
    ...given,
    stdout: (text) => given.stdout(printableLines(text)),
    stderr: (text) => given.stderr(printableLines(text)),
  };
  let code: ExitCode = 0;
  const program = buildProgram({ io, exit: (c) => (code = c) });
  try {
    await program.parseAsync([...argv], { from: "user" });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof TestkitError) {
      io.stderr(`twilio-testkit: ${errorLines(error.message)}\n`);
      return error.code === "INVALID_BODY" || error.code === "VERIFICATION" ? 1 : 2;
    }
    io.stderr(`twilio-testkit: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}
