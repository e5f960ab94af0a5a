// internal: what verify puts around pact-core's Verifier (Pact's Rust core):
// - its log file, and the lines one run added. pact-core sets the native log up once per process, on
//   first use: with a file, the Verifier's ERROR lines (a broker it cannot reach, results it failed to
//   publish, a provider state that failed) go there instead of the terminal, and verify reports them
//   redacted;
// - no PACT_BROKER_* variables while it reads its options: pact-core falls back on them, so a
//   PACT_BROKER_BASE_URL exported for publish would make a local verify fetch the broker's pacts too,
//   with the URL (and any password in it) in the Verifier's report.
import { mkdtempSync, rmSync } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

let logPath: string | undefined;

/**
 * This process's Verifier log, as pact-core opens it (to append) on its first run: in a folder of its
 * own (mode 0700, from mkdtemp), so that no other user of a shared /tmp can put a link in its place.
 */
export const verifierLog = (): string =>
  (logPath ??= join(mkdtempSync(join(tmpdir(), "twilio-testkit-verifier-")), "verifier.log"));

/**
 * The log as verify reads it: opened (and emptied) before the first run; its path is removed as soon
 * as that run has started, once pact-core holds it open, so nothing is left behind however the process ends.
 */
let reader: Promise<FileHandle | undefined> | undefined;

/** The log, opened once; undefined when it cannot be (verify then reports without it). */
const logFile = () => (reader ??= open(verifierLog(), "w+").catch(() => undefined));

/** The log's size in bytes now, to read what a run adds with {@link verifierLogSince}. */
export async function verifierLogSize(): Promise<number> {
  return (await (await logFile())?.stat())?.size ?? 0;
}

/**
 * The messages of the log lines written since `offset`, without their timestamp, level and target
 * (`2026-…Z ERROR ThreadId(03) pact_verifier: Publishing … failed` → `Publishing … failed`); then
 * empties the log (pact-core appends, so it writes on at the start).
 *
 * @returns the messages, oldest first; none when the log cannot be read, or when another part of the
 *   process set the native log up before verify (pact-core does it once)
 */
export async function verifierLogSince(offset: number): Promise<string[]> {
  const file = await logFile();
  if (!file) return [];
  try {
    const { size } = await file.stat();
    const buffer = Buffer.alloc(Math.max(0, size - offset));
    await file.read(buffer, 0, buffer.length, offset);
    await file.truncate(0);
    return buffer
      .toString("utf8")
      .split("\n")
      .map((line) =>
        line
          .replace(/\u001b\[[0-9;]*m/g, "")
          .replace(/^\S+\s+[A-Z]+\s+(?:ThreadId\(\d+\)\s+)?[\w:]+:\s*/, "")
          .trim(),
      )
      .filter((line) => line !== "");
  } catch {
    return [];
  }
}

/** The variables pact-core reads when an option is not given. */
const BROKER_VARIABLES = [
  "PACT_BROKER_BASE_URL",
  "PACT_BROKER_USERNAME",
  "PACT_BROKER_PASSWORD",
  "PACT_BROKER_TOKEN",
  "PACT_BROKER_PUBLISH_VERIFICATION_RESULTS",
];

/**
 * Starts the Verifier: calls `start` with the PACT_BROKER_* variables out of `process.env`, and puts
 * them back as soon as it returns. pact-core reads its options, sets the Verifier up and opens its
 * log synchronously, before the promise it returns: so every broker setting the Verifier gets is one
 * verify passed, and the log's path can go at once (verify reads it through its own handle).
 *
 * @param start - the call that starts the Verifier, e.g. `() => pactCore.default.verifyPacts(options)`
 * @returns what `start` returns (its promise, not awaited)
 */
export function startVerifier<T>(start: () => T): T {
  const saved = BROKER_VARIABLES.map((name) => [name, process.env[name]] as const);
  for (const name of BROKER_VARIABLES) delete process.env[name];
  try {
    return start();
  } finally {
    for (const [name, value] of saved) if (value !== undefined) process.env[name] = value;
    rmSync(dirname(verifierLog()), { recursive: true, force: true });
  }
}
