import { readFile } from "node:fs/promises";

/** What a CLI command may touch: output streams, standard input, the environment and the working folder. Tests pass their own. */
export interface CliIo {
  /** Writes to standard output (text as given, no newline added) */
  readonly stdout: (text: string) => void;
  /** Writes to standard error (text as given, no newline added) */
  readonly stderr: (text: string) => void;
  /** Reads all of standard input as UTF-8 */
  readonly readStdin: () => Promise<string>;
  /** Whether standard input is a terminal (then nothing is piped in) */
  readonly stdinIsTTY: boolean;
  /** Environment variables, e.g. PACT_BROKER_BASE_URL */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Working folder; relative paths are resolved against it */
  readonly cwd: string;
  /** Resolves when a long-running command (`serve`) should stop: on SIGINT or SIGTERM for the real process; absent, such a command returns once started */
  readonly untilStopped?: () => Promise<unknown>;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString("utf8");
}

/** The real process's I/O. */
export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin: () => readAll(process.stdin),
    stdinIsTTY: Boolean(process.stdin.isTTY),
    env: process.env,
    cwd: process.cwd(),
    untilStopped: () => new Promise((resolve) => ["SIGINT", "SIGTERM"].forEach((signal) => process.once(signal, resolve))),
  };
}

/** Reads a text file, for commands; a thin seam kept here so commands stay free of `node:fs`. */
export const readTextFile = (path: string): Promise<string> => readFile(path, "utf8");
