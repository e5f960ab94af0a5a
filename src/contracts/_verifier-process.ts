// internal: the child process in which verify runs the Pact Verifier (see _verifier-child.ts). Pact's
// Rust verifier writes its report straight to this process's standard output, which the parent reads
// and hands to its caller; this process takes the Verifier's options as its one IPC message, and
// answers with the Verifier's result (or the message of its error) and the lines its log gained.
import type { VerifierOptions } from "@pact-foundation/pact-core";
import { verifierLog, verifierLogSince, verifierLogSize } from "./_pact-verifier.js";
import { runVerifier } from "./_run-verifier.js";

process.once("message", async (options: VerifierOptions) => {
  // The log is opened before the Verifier's first run (see _pact-verifier.ts).
  const offset = await verifierLogSize();
  let answer: { value?: unknown; error?: string };
  try {
    answer = { value: await runVerifier({ ...options, logFile: verifierLog() }) };
  } catch (error) {
    answer = { error: error instanceof Error ? error.message : String(error) };
  }
  process.send?.({ ...answer, log: await verifierLogSince(offset) }, () => process.disconnect());
});
