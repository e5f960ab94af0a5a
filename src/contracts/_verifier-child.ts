// internal: runs the Pact Verifier in a child process of its own (_verifier-process.ts), so that its
// report, which Pact's Rust verifier writes straight to standard output where no console
// interception reaches it, comes back as text: verify redacts it and gives it to its caller.
import type { VerifierOptions } from "@pact-foundation/pact-core";
import { fork } from "node:child_process";

/** Whether this module runs from its TypeScript source (the kit's own tests), which Node loads through tsx. */
const FROM_SOURCE = import.meta.url.endsWith(".ts");

/** The child's entry: beside this module, in the bundle as in `dist/contracts/` and `src/contracts/`. */
const ENTRY = new URL(FROM_SOURCE ? "./_verifier-process.ts" : "./_verifier-process.js", import.meta.url);

/** One run of the Verifier, as the child answered. */
export interface VerifierRun {
  /** pact-core's result (the Verifier's JSON result) when it resolved */
  readonly value?: unknown;
  /** The message of pact-core's error when it rejected: the JSON result when interactions failed */
  readonly error?: string;
  /** The lines the Verifier's log gained, without timestamp and level (see verifierLogSince) */
  readonly log: readonly string[];
}

/**
 * Runs the Pact Verifier (runVerifier: slices, runs, no certificate store, no PACT_BROKER_* variables)
 * in a child process, and gives what it printed (its report, standard output then standard error) to
 * `report` once it has stopped, whole, so that a secret is never split between two texts.
 *
 * @param options - pact-core's verifier options; `logFile` is the child's own
 * @param report - receives the Verifier's report (not called when it printed nothing)
 * @returns the child's answer
 * @throws Error when the child stops without one (the Verifier crashed, or pact-core is missing: the
 *   message then holds the first line the child printed on standard error)
 */
export function runVerifierInChild(options: VerifierOptions, report: (text: string) => void): Promise<VerifierRun> {
  return new Promise((resolve, reject) => {
    const child = fork(ENTRY, [], {
      stdio: ["ignore", "pipe", "pipe", "ipc"],
      execArgv: FROM_SOURCE ? ["--import", "tsx"] : [],
    });
    let stdout = "";
    let stderr = "";
    let answer: VerifierRun | undefined;
    child.stdout?.setEncoding("utf8").on("data", (text: string) => void (stdout += text));
    child.stderr?.setEncoding("utf8").on("data", (text: string) => void (stderr += text));
    child.once("message", (message) => void (answer = message as VerifierRun));
    child.once("error", reject);
    child.once("close", (code) => {
      if (stdout + stderr !== "") report(stdout + stderr);
      if (answer) resolve(answer);
      else
        reject(
          new Error(
            stderr.split("\n").find((line) => line.trim() !== "") ??
              `the Pact Verifier stopped without a result (exit ${code})`,
          ),
        );
    });
    child.send(options);
  });
}
