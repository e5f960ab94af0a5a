// internal: reading a file that must be a regular file, without hanging on a named pipe.
import { constants, type Stats } from "node:fs";
import { type FileHandle, open } from "node:fs/promises";
import { TestkitError } from "../errors.js";

/** What a file that is not a regular file is, for the error that refuses it. */
function specialKind(stats: Stats): string {
  if (stats.isDirectory()) return "a directory";
  if (stats.isFIFO()) return "a named pipe (FIFO)";
  if (stats.isSocket()) return "a socket";
  if (stats.isCharacterDevice()) return "a character device";
  if (stats.isBlockDevice()) return "a block device";
  return "a special file";
}

/**
 * A regular file's text. It is opened without blocking (`O_NONBLOCK`), so that a named pipe with no
 * writer is refused instead of waiting forever, and checked on the open handle, so that what is read
 * is what was checked.
 *
 * @throws TestkitError `IO` for a FIFO, socket, device or directory, naming which
 * @throws the error of `open` or `read` (ENOENT, EACCES…) for the caller to word
 */
export async function readRegularFile(path: string, file: string): Promise<string> {
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    // Linux refuses to open a Unix socket (ENXIO); say what it is rather than "no such device or address".
    if ((error as NodeJS.ErrnoException).code === "ENXIO")
      throw new TestkitError("IO", `Failed to read ${file}: a socket, not a regular file`, { cause: error });
    throw error;
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile())
      throw new TestkitError("IO", `Failed to read ${file}: ${specialKind(stats)}, not a regular file`);
    return await handle.readFile("utf8");
  } finally {
    await handle.close();
  }
}
