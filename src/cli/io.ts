import { readFile } from "node:fs/promises";
import type { ExitCode } from "./run.js";

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

/** The real process's I/O, and how its run ends once the command is done. */
export interface ProcessIo extends CliIo {
  /**
   * Waits until what was written has left the process, then gives the exit code: the command's own,
   * or 2 when standard output or error could not be written (ENOSPC on a full disk, EIO…), after one
   * line on standard error saying so (when standard error itself can still be written). EPIPE, the
   * reader going away as `… | head -1` does, is not a failure: the output it did not take is dropped
   * and the command's code stands (0 for `fake`), rather than the 141 of a process killed by SIGPIPE,
   * so that `set -o pipefail` scripts do not fail on it.
   *
   * @param code - what `runCli` returned
   */
  readonly finish: (code: ExitCode) => Promise<ExitCode>;
}

/** A process stream whose write errors are kept rather than thrown: after one, further writes are dropped. */
function guarded(stream: NodeJS.WriteStream) {
  let failed = false;
  let failure: NodeJS.ErrnoException | undefined;
  stream.on("error", (error: NodeJS.ErrnoException) => {
    failed = true;
    if (error.code !== "EPIPE") failure ??= error;
  });
  return {
    write: (text: string): void => void (failed || stream.write(text)),
    /** Resolves once earlier writes are done, with the error that ended them (not EPIPE), if any. */
    settled: async (): Promise<NodeJS.ErrnoException | undefined> => {
      // Writes to files, pipes and terminals are synchronous on Linux and macOS, but elsewhere they may still be queued.
      if (!failed && stream.writableLength > 0) await new Promise((resolve) => ["drain", "error", "close"].forEach((event) => stream.once(event, resolve)));
      // A failed write's error event comes a tick after the write: let it arrive.
      await new Promise((resolve) => setImmediate(resolve));
      return failure;
    },
    get healthy(): boolean {
      return !failed;
    },
  };
}

/** A write error as the one line that reports it: `no space left on device (ENOSPC)`. */
const reasonOf = (error: NodeJS.ErrnoException): string => `${error.message.replace(/^[A-Z]+: /, "").replace(/, \w+$/, "")}${error.code ? ` (${error.code})` : ""}`;

/**
 * The real process's I/O. Writes never throw and never crash the process with an unhandled stream
 * error: see {@link ProcessIo.finish} for how a failed write ends the run.
 */
export function processIo(): ProcessIo {
  const out = guarded(process.stdout);
  const err = guarded(process.stderr);
  return {
    stdout: out.write,
    stderr: err.write,
    finish: async (code) => {
      const [outFailure, errFailure] = await Promise.all([out.settled(), err.settled()]);
      if (outFailure && err.healthy) {
        err.write(`twilio-testkit: Failed to write standard output: ${reasonOf(outFailure)}\n`);
        await err.settled();
      }
      return outFailure || errFailure ? 2 : code;
    },
    readStdin: () => readAll(process.stdin),
    stdinIsTTY: Boolean(process.stdin.isTTY),
    env: process.env,
    cwd: process.cwd(),
    untilStopped: () => new Promise((resolve) => ["SIGINT", "SIGTERM"].forEach((signal) => process.once(signal, resolve))),
  };
}

/** Reads a text file, for commands; a thin seam kept here so commands stay free of `node:fs`. */
export const readTextFile = (path: string): Promise<string> => readFile(path, "utf8");
