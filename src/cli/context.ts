import type { CliIo, ExitCode } from "./io.js";

/** What every command gets: the I/O to use and a way to set the exit code. */
export interface CommandContext {
  readonly io: CliIo;
  /** Sets the run's exit code (the last call wins); commands that succeed need not call it */
  readonly exit: (code: ExitCode) => void;
}
