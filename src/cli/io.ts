import { createReadStream } from "node:fs";
import { TestkitError } from "../errors.js";

/** Exit status of a CLI run: 0 success, 1 invalid body or failed verification, 2 usage, I/O or configuration error. */
export type ExitCode = 0 | 1 | 2;

/** What a CLI command may touch: output streams, standard input, the environment and the working folder. Tests pass their own. */
export interface CliIo {
  /** Writes to standard output (text as given, no newline added) */
  readonly stdout: (text: string) => void;
  /** Writes to standard error (text as given, no newline added) */
  readonly stderr: (text: string) => void;
  /** Reads all of standard input as UTF-8; TestkitError `IO` past 64 MB */
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

/**
 * Most bytes a command reads from a file or standard input: far more than any Twilio response (a
 * page of 1,000 participants is about 1 MB), and far less than would exhaust memory reading a stream
 * that never ends, such as `/dev/zero`.
 */
const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** @throws TestkitError `IO` past {@link MAX_INPUT_BYTES}, having stopped reading */
async function readAll(stream: NodeJS.ReadableStream, name: string): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_INPUT_BYTES)
      throw new TestkitError("IO", `Failed to read ${name}: it is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MB`);
    chunks.push(buffer);
  }
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
      if (!failed && stream.writableLength > 0)
        await new Promise((resolve) => {
          for (const event of ["drain", "error", "close"]) stream.once(event, resolve);
        });
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
const reasonOf = (error: NodeJS.ErrnoException): string =>
  `${error.message.replace(/^[A-Z]+: /, "").replace(/, \w+$/, "")}${error.code ? ` (${error.code})` : ""}`;

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
    readStdin: () => readAll(process.stdin, "standard input"),
    stdinIsTTY: Boolean(process.stdin.isTTY),
    env: process.env,
    cwd: process.cwd(),
    untilStopped: () =>
      new Promise((resolve) => {
        for (const signal of ["SIGINT", "SIGTERM"]) process.once(signal, resolve);
      }),
  };
}

/**
 * Reads a text file, for commands; a thin seam kept here so commands stay free of `node:fs`.
 *
 * @param path - the file to read
 * @param name - the file as the user named it, for the error
 * @throws TestkitError `IO` for a file larger than 64 MB (or a device that never ends); the error of `open` or `read` otherwise
 */
export const readTextFile = (path: string, name: string): Promise<string> => readAll(createReadStream(path), name);
