// internal: the Pact Verifier of @pact-foundation/pact-core, an optional peer dependency that
// @pact-foundation/pact brings, loaded so that a missing package fails with one line (see importPeer).
import type { VerifierOptions } from "@pact-foundation/pact-core";
import { importPeer } from "../_optional-peer.js";

// The named export: the default one differs between majors (19, 20) and between Node's and Vite's CommonJS interop.
const { Verifier, setLogLevel } = await importPeer(
  "@pact-foundation/pact-core",
  () => import("@pact-foundation/pact-core"),
  "@pact-foundation/pact",
);

/**
 * Runs the Pact Verifier, as pact-core's `verifyPacts` does, with pact-core's own log at
 * `options.logLevel` from the start (pact-core applies it only after logging "Verifying Pact Files" at info).
 *
 * @returns what the verifier printed; rejects when an interaction fails or the verifier cannot run
 */
export function verifyPacts(options: VerifierOptions): Promise<string> {
  if (options.logLevel !== undefined) setLogLevel(options.logLevel);
  return new Verifier(options).verify();
}
