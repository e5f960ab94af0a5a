// internal: runs the official Pact CLI (@pact-foundation/pact-cli) and turns its output into one line.
import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { arch, platform } from "node:os";
import { dirname, join } from "node:path";
import { TestkitError } from "../errors.js";

/** What one Pact CLI run printed, stdout and stderr together, and its exit status (0 success). */
export interface PactCliRun {
  readonly status: number;
  readonly output: string;
}

/**
 * Path of the `pact` binary that the installed platform package
 * (`@pact-foundation/pact-cli-<os>-<arch>`, an optional dependency of `@pact-foundation/pact-cli`) ships.
 *
 * @throws TestkitError `EXTERNAL` when no platform package is installed for this machine
 */
export function pactBinary(): string {
  const os = platform() === "win32" ? "windows" : platform();
  const name = `@pact-foundation/pact-cli-${os}-${arch()}`;
  try {
    const root = dirname(createRequire(import.meta.url).resolve(`${name}/package.json`));
    return join(root, "standalone", os === "windows" ? "pact.exe" : "pact");
  } catch (error) {
    throw new TestkitError("EXTERNAL", `Failed to find the Pact CLI: ${name} is not installed (install @pact-foundation/pact-cli)`, { cause: error });
  }
}

/**
 * Runs `pact <args>` without a shell and collects what it prints; a non-zero status is returned, not thrown.
 *
 * @param args - arguments after the binary, e.g. `["broker", "publish", "a.json"]`; never secrets
 * @param options - `cwd` to run in; `env`, the child's whole environment (credentials go here)
 * @throws TestkitError `EXTERNAL` when the binary cannot be found or started
 */
export function runPactCli(args: readonly string[], options: { cwd: string; env: Readonly<Record<string, string | undefined>> }): Promise<PactCliRun> {
  const binary = pactBinary();
  return new Promise((resolve, reject) => {
    execFile(binary, args, { cwd: options.cwd, env: options.env, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const output = `${stdout}\n${stderr}`.trim();
      if (error === null) return resolve({ status: 0, output });
      if (typeof error.code === "number") return resolve({ status: error.code, output });
      reject(new TestkitError("EXTERNAL", `Failed to run the Pact CLI ${binary}: ${error.message}`, { cause: error }));
    });
  });
}

/**
 * Replaces every secret in a text with `***`.
 *
 * @param secrets - values never to show; empty strings are ignored
 * @returns a function that redacts a text
 */
export function redactor(secrets: readonly string[]): (text: string) => string {
  const shown = secrets.filter((s) => s !== "").sort((a, b) => b.length - a.length);
  return (text) => shown.reduce((out, secret) => out.split(secret).join("***"), text);
}

/**
 * The Pact CLI's error as one line: its `❌` lines when there are any, else everything it printed
 * except progress lines, whitespace collapsed, each message once (the CLI repeats some).
 *
 * @returns the reason, or `exited with status N` when it printed nothing useful
 */
export function failureReason(run: PactCliRun): string {
  const lines = run.output
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("📨"));
  const errors = lines.filter((line) => line.startsWith("❌"));
  const chosen = (errors.length > 0 ? errors : lines).map((line) => line.replace(/^(❌\s*)+/, "").replace(/\s+/g, " "));
  // The Pact CLI often prints an error twice, once plain and once inside a longer line: keep each once.
  const distinct = chosen.filter((line, i) => chosen.indexOf(line) === i && !chosen.some((other) => other !== line && other.includes(line)));
  const reason = distinct.join(" ").trim();
  return reason === "" ? `the Pact CLI exited with status ${run.status}` : reason;
}
