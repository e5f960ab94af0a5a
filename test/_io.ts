import type { CliIo } from "../src/cli/io.js";
import { runCli } from "../src/cli/run.js";

/** What a test's CLI io takes: standard input (piped unless undefined, then a TTY), environment, working folder and a stop request. */
export interface TestIoOptions {
  readonly stdin?: string;
  readonly env?: Record<string, string>;
  readonly cwd?: string;
  readonly untilStopped?: () => Promise<unknown>;
}

/** A CLI io that captures what is written, for running the CLI in-process. */
export function testIo(options: TestIoOptions = {}): { io: CliIo; out: () => string; err: () => string } {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readStdin: async () => options.stdin ?? "",
    stdinIsTTY: options.stdin === undefined,
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    ...(options.untilStopped ? { untilStopped: options.untilStopped } : {}),
  };
  return { io, out: () => stdout, err: () => stderr };
}

/** Runs the CLI in-process with captured output. */
export async function run(argv: readonly string[], options: TestIoOptions = {}) {
  const { io, out, err } = testIo(options);
  const code = await runCli(argv, io);
  return { code, stdout: out(), stderr: err() };
}
