// internal: runs the official Pact CLI (@pact-foundation/pact-cli) and turns its output into one line.
import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { arch, platform } from "node:os";
import { dirname, join } from "node:path";
import { TestkitError } from "../errors.js";
import type { BrokerSettings } from "./_broker-settings.js";

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
    throw new TestkitError(
      "EXTERNAL",
      `Failed to find the Pact CLI: ${name} is not installed (install @pact-foundation/pact-cli)`,
      { cause: error },
    );
  }
}

/**
 * Runs `pact <args>` against a Pact Broker without a shell and collects what it prints, secrets
 * redacted; a non-zero status is returned, not thrown. The broker's URL and credentials reach the
 * Pact CLI through its environment ({@link BrokerSettings.pactCliEnv}), never its command line.
 *
 * @param args - arguments after the binary, e.g. `["broker", "publish", "a.json"]`; never secrets
 * @param options - `cwd` to run in; `broker`, the settings whose environment the CLI gets and whose secrets are redacted
 * @throws TestkitError `EXTERNAL` when the binary cannot be found or started
 */
export function runPactCli(
  args: readonly string[],
  options: { cwd: string; broker: BrokerSettings },
): Promise<PactCliRun> {
  const binary = pactBinary();
  const { pactCliEnv, redact } = options.broker;
  return new Promise((resolve, reject) => {
    execFile(
      binary,
      args,
      { cwd: options.cwd, env: pactCliEnv, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const output = redact(`${stdout}\n${stderr}`.trim());
        if (error === null) return resolve({ status: 0, output });
        if (typeof error.code === "number") return resolve({ status: error.code, output });
        // No cause: the child-process error carries the command and what it printed, unredacted.
        reject(new TestkitError("EXTERNAL", redact(`Failed to run the Pact CLI ${binary}: ${error.message}`)));
      },
    );
  });
}

/** The Pact CLI's `failed validation - ["a","b"]` (a broker's 400 or 409) as `a; b`. */
function validationErrors(line: string): string {
  const list = /^failed validation - (\[.*\])$/.exec(line)?.[1];
  try {
    const messages: unknown = list === undefined ? undefined : JSON.parse(list);
    return Array.isArray(messages) ? messages.map(String).join("; ") : line;
  } catch {
    return line;
  }
}

/**
 * The Pact CLI's error as one line: its `❌` lines, each with the indented lines that follow one
 * ending in ":" (the broker's reasons: "❌ Pact publication failed:" then "   contracts: Cannot change …"),
 * when there are any; else everything it printed except progress lines. Whitespace collapsed, each
 * message once (the CLI repeats some, e.g. under "Details:").
 *
 * An unknown environment's reason says how to create it.
 *
 * @returns the reason, or `the Pact CLI exited with status N` when it printed nothing useful
 */
export function failureReason(run: PactCliRun): string {
  const raw = run.output.split("\n");
  const lines = raw.map((line) => line.trim()).filter((line) => line !== "" && !line.startsWith("📨"));
  const errors: string[] = [];
  raw.forEach((line, i) => {
    if (!line.trim().startsWith("❌")) return;
    const follow = line.trim().endsWith(":") ? raw.slice(i + 1).findIndex((next) => !/^\s+\S/.test(next)) : 0;
    const details = raw.slice(i + 1, i + 1 + (follow === -1 ? raw.length : follow)).map((next) => next.trim());
    errors.push([line.trim(), ...details].join(" "));
  });
  const chosen = (errors.length > 0 ? errors : lines).map((line) =>
    validationErrors(line.replace(/^(❌\s*)+/, "").replace(/\s+/g, " ")),
  );
  // The Pact CLI often prints an error twice, once plain and once inside a longer line: keep each once.
  const distinct = chosen.filter(
    (line, i) => chosen.indexOf(line) === i && !chosen.some((other) => other !== line && other.includes(line)),
  );
  const reason = distinct.join(" ").trim();
  if (reason === "") return `the Pact CLI exited with status ${run.status}`;
  const environment = /Environment (?:with name )?'?([^'\s]+?)'? does not exist/i.exec(reason)?.[1];
  return environment === undefined
    ? reason
    : `${reason} (create it with: twilio-testkit contracts create-environment --name ${environment})`;
}
