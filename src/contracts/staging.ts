import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { hostname } from "node:os";
import { basename, join, resolve } from "node:path";
import { TestkitError } from "../errors.js";

/**
 * A temporary folder inside a target folder: a writer (such as PactV4, via its `dir` option) writes
 * there, and a finished file then replaces its namesake in the target with one `rename`. The folder
 * sits inside the target, so the rename never crosses filesystems and is atomic: readers of the target
 * see the old file or the new one, never a half-written one.
 */
export interface StagingDirectory {
  /** Absolute path of the temporary folder (`<target>/.staging-<pid>@<host>-XXXXXX`) */
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

const STAGING_PREFIX = ".staging-";
/** A staging folder's name: the prefix, the process that made it and its host, then mkdtemp's six characters. */
const STAGING_NAME = /^\.staging-(\d+)@(.*)-[A-Za-z0-9]{6}$/;
/** The host in staging folders' names: its name, with nothing a folder name or the pattern above could trip on. */
const HOST = hostname().replace(/[^A-Za-z0-9.]/g, "_");
/**
 * A staging folder whose process cannot be asked (another host or container sharing the folder, or
 * an older release that named no process) is left to its writer for this long.
 */
const UNOWNED_STAGING_AGE_MS = 60 * 60 * 1000;

/** Whether a process of this id is running (a process we may not signal is running too). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes the staging folders that a crashed or killed process left in `target`: those of this host
 * whose process is gone, and the others (another host's, or an older release's without a process id)
 * once untouched for an hour. Best effort: a folder that cannot be removed is left for the next time.
 */
function removeLeftovers(target: string): void {
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    if (!entry.isDirectory() || !entry.name.startsWith(STAGING_PREFIX)) continue;
    const path = join(target, entry.name);
    const [, pid, host] = STAGING_NAME.exec(entry.name) ?? [];
    try {
      const abandoned =
        host === HOST ? !isRunning(Number(pid)) : Date.now() - statSync(path).mtimeMs > UNOWNED_STAGING_AGE_MS;
      if (abandoned) rmSync(path, { recursive: true, force: true });
    } catch {
      // Gone already, or not ours to remove: either way, not this writer's business.
    }
  }
}

/**
 * Creates a temporary folder inside `target` (creating `target` first if needed) for an all-or-nothing
 * write, after removing the staging folders that crashed processes left there.
 *
 * @param targetDir - the folder finished files belong in, e.g. `contracts/` (relative to the working directory)
 * @returns the staging folder, to `commit` a finished file from or `discard`
 * @throws TestkitError `IO` when the folders cannot be created
 */
export function stageDirectory(targetDir: string): StagingDirectory {
  const target = resolve(targetDir);
  let dir: string;
  try {
    mkdirSync(target, { recursive: true });
    removeLeftovers(target);
    dir = mkdtempSync(join(target, `${STAGING_PREFIX}${process.pid}@${HOST}-`));
  } catch (error) {
    throw new TestkitError("IO", `Failed to create a staging folder in ${target}: ${reason(error)}`, { cause: error });
  }
  const discard = (): void => rmSync(dir, { recursive: true, force: true });
  const commit = (file: string): string => {
    if (basename(file) !== file)
      throw new TestkitError("USAGE", `Failed to commit ${file}: expected a file name, not a path`);
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
