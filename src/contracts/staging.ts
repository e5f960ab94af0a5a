import { mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { TestkitError } from "../errors.js";

/**
 * A temporary folder inside a target folder: a writer (such as PactV4, via its `dir` option) writes
 * there, and a finished file then replaces its namesake in the target with one `rename`. The folder
 * sits inside the target, so the rename never crosses filesystems and is atomic: readers of the target
 * see the old file or the new one, never a half-written one.
 */
export interface StagingDirectory {
  /** Absolute path of the temporary folder (`<target>/.staging-XXXXXX`) */
  readonly dir: string;
  /** Absolute path of the folder finished files move into */
  readonly target: string;
  /**
   * Moves a finished file from {@link StagingDirectory.dir} into the target, replacing any file of
   * that name, then removes the temporary folder (also when the move fails).
   *
   * @param file - a file name, e.g. `conference-app-twilio-voice-api.json`
   * @returns the file's new absolute path
   * @throws TestkitError `USAGE` when `file` is a path rather than a name; `IO` when the move fails
   *   (e.g. the writer never wrote the file); the target is then unchanged
   */
  commit(file: string): string;
  /** Removes the temporary folder and all in it; the target is unchanged. Safe to call more than once. */
  discard(): void;
}

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Creates a temporary folder inside `target` (creating `target` first if needed) for an all-or-nothing write.
 *
 * @param targetDir - the folder finished files belong in, e.g. `contracts/` (relative to the working directory)
 * @returns the staging folder, to `commit` a finished file from or `discard`
 * @throws TestkitError `IO` when the folders cannot be created
 * @example
 * ```ts
 * const staging = stageDirectory("contracts");
 * const pact = new PactV4({ consumer: "conference-app", provider: "twilio-voice-api", dir: staging.dir });
 * // … run the interactions, then:
 * allPassed ? staging.commit("conference-app-twilio-voice-api.json") : staging.discard();
 * ```
 * @see README.md, "Contracts"
 */
export function stageDirectory(targetDir: string): StagingDirectory {
  const target = resolve(targetDir);
  let dir: string;
  try {
    mkdirSync(target, { recursive: true });
    dir = mkdtempSync(join(target, ".staging-"));
  } catch (error) {
    throw new TestkitError("IO", `Failed to create a staging folder in ${target}: ${reason(error)}`, { cause: error });
  }
  const discard = (): void => rmSync(dir, { recursive: true, force: true });
  const commit = (file: string): string => {
    if (basename(file) !== file) throw new TestkitError("USAGE", `Failed to commit ${file}: expected a file name, not a path`);
    const destination = join(target, file);
    try {
      renameSync(join(dir, file), destination);
    } catch (error) {
      throw new TestkitError("IO", `Failed to commit ${file} to ${target}: ${reason(error)}`, { cause: error });
    } finally {
      discard();
    }
    return destination;
  };
  return { dir, target, commit, discard };
}
