import type { CliIo } from "../src/cli/io.js";
import { runCli } from "../src/cli/run.js";

/** Runs the CLI in-process with captured output; `stdin` is piped in unless undefined (then a TTY). */
export async function run(argv: string[], options: { stdin?: string; env?: Record<string, string>; cwd?: string } = {}) {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readStdin: async () => options.stdin ?? "",
    stdinIsTTY: options.stdin === undefined,
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}
