// The real process's standard streams, run on the shipped binary (only a real process has pipes
// and disks to fail): a reader that goes away (EPIPE, `… | head -1`) ends the run quietly with the
// command's own code; a full disk (ENOSPC, /dev/full) is one line on standard error and exit 2;
// standard input that never ends is refused past 64 MB; never a stack trace.
import { spawn } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { expectCliFailure, expectNoStackTrace } from "./_expect.js";

/** The shipped binary, as package.json `bin` names it (built by `npm run build`). */
const BIN = fileURLToPath(
  new URL(
    `../../${(JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { bin: Record<string, string> }).bin["twilio-testkit"]}`,
    import.meta.url,
  ),
);

/** Linux's always-full device: every write fails with ENOSPC. */
const FULL = "/dev/full";

type Sink = "pipe" | "full";

/**
 * Runs the binary with standard output and error each a pipe or /dev/full, and standard input
 * nothing or /dev/zero. `closeAfter` bytes into standard output, the test stops reading and closes
 * its end of the pipe, as `head` does.
 */
function runBin(
  argv: readonly string[],
  sinks: { stdout: Sink; stderr: Sink; stdin?: "zero" },
  closeAfter?: number,
): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> {
  const fds = {
    stdin: sinks.stdin === "zero" ? openSync("/dev/zero", "r") : undefined,
    stdout: sinks.stdout === "full" ? openSync(FULL, "w") : undefined,
    stderr: sinks.stderr === "full" ? openSync(FULL, "w") : undefined,
  };
  const child = spawn(process.execPath, [BIN, ...argv], {
    stdio: [fds.stdin ?? "ignore", fds.stdout ?? "pipe", fds.stderr ?? "pipe"],
  });
  for (const fd of Object.values(fds)) if (fd !== undefined) closeSync(fd);
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString("utf8");
    if (closeAfter !== undefined && stdout.length >= closeAfter) child.stdout?.destroy();
  });
  child.stderr?.on("data", (chunk: Buffer) => void (stderr += chunk.toString("utf8")));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Enough output (about 3.5 MB) that the reader is gone long before the writer is done. */
const MANY = ["fake", "participant", "--count", "5000", "--seed", "1"];

describe.skipIf(!existsSync(FULL)).concurrent("twilio-testkit standard streams that fail", () => {
  it("a reader that goes away after the first line (EPIPE): exit 0, the command's own code, nothing on standard error", async () => {
    const result = await runBin(MANY, { stdout: "pipe", stderr: "pipe" }, 1);
    expect({ code: result.code, signal: result.signal, stderr: result.stderr }).toEqual({
      code: 0,
      signal: null,
      stderr: "",
    });
    expect(result.stdout.startsWith("[")).toBe(true);
    expect(result.stdout.length).toBeLessThan(3_000_000);
  });

  it("a reader that goes away keeps a failing command's code (validate's 1 for an invalid body)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ttk-output-"));
    try {
      // Thousands of issues: megabytes of JSON, far more than a pipe holds.
      writeFileSync(join(dir, "page.json"), JSON.stringify({ participants: Array.from({ length: 5000 }, () => ({})) }));
      const result = await runBin(
        ["validate", "ListParticipant", join(dir, "page.json"), "--json"],
        { stdout: "pipe", stderr: "pipe" },
        1,
      );
      expect({ code: result.code, signal: result.signal, stderr: result.stderr }).toEqual({
        code: 1,
        signal: null,
        stderr: "",
      });
      expect(result.stdout.length).toBeLessThan(1_000_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("standard output on a full disk (ENOSPC): exit 2, one line on standard error", async () => {
    const result = await runBin(MANY, { stdout: "full", stderr: "pipe" });
    expect(result.signal).toBeNull();
    expectCliFailure(
      { code: result.code ?? -1, stdout: "", stderr: result.stderr },
      2,
      /^twilio-testkit: Failed to write standard output: no space left on device \(ENOSPC\)\n$/,
    );
  });

  it("standard output on a full disk, for a one-object command too (--help): exit 2, one line", async () => {
    const result = await runBin(["--help"], { stdout: "full", stderr: "pipe" });
    expectCliFailure(
      { code: result.code ?? -1, stdout: "", stderr: result.stderr },
      2,
      /^twilio-testkit: Failed to write standard output: no space left on device \(ENOSPC\)\n$/,
    );
  });

  it("standard error on a full disk, for a failing command: exit 2, no crash, nothing on standard output", async () => {
    const result = await runBin(["fake", "caller"], { stdout: "pipe", stderr: "full" });
    expect({ code: result.code, signal: result.signal, stdout: result.stdout }).toEqual({
      code: 2,
      signal: null,
      stdout: "",
    });
  });

  it("standard input that never ends (/dev/zero): exit 2, one line, past 64 MB", async () => {
    const result = await runBin(["validate", "ListParticipant", "-"], {
      stdout: "pipe",
      stderr: "pipe",
      stdin: "zero",
    });
    expectCliFailure(
      { code: result.code ?? -1, stdout: result.stdout, stderr: result.stderr },
      2,
      /^twilio-testkit: Failed to read standard input: it is larger than 64 MB\n$/,
    );
  });

  it("both on a full disk: exit 2, no crash", async () => {
    const result = await runBin(MANY, { stdout: "full", stderr: "full" });
    expect({ code: result.code, signal: result.signal }).toEqual({ code: 2, signal: null });
  });

  it("a full disk for a command that succeeds writing nothing to standard error leaves it alone (exit 0)", async () => {
    const result = await runBin(["fake", "error", "--seed", "1"], { stdout: "pipe", stderr: "full" });
    expect({ code: result.code, signal: result.signal }).toEqual({ code: 0, signal: null });
    expectNoStackTrace(result.stdout);
    expect(JSON.parse(result.stdout)).toHaveProperty("code");
  });
});
