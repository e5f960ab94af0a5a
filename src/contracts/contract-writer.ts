import type { PactV4 } from "@pact-foundation/pact";
import type { ContractUpdate } from "./_contract-file.js";
import { openContractSession, type ContractWriterOptions } from "./_contract-session.js";

export type { ContractUpdate } from "./_contract-file.js";
export type { ContractWriterOptions } from "./_contract-session.js";

/** A consumer's contract being written: a PactV4 per interaction, merged into the contract on disk or discarded. */
export interface ContractWriter {
  /** The contract's file name, `<consumer>-<provider>.json` */
  readonly file: string;
  /** A new PactV4 for one interaction (add it and `executeTest` it); it writes into a staging folder of its own */
  pact(): PactV4;
  /**
   * Merges the interactions every PactV4 wrote into the contract in `dir`, as Pact merges into an
   * existing file (an interaction with the description and provider-state names of one already there
   * replaces it; the others stay), under a lock shared with other writers of the same contract, and
   * renames the result into place. Call it once, when the interactions' tests passed.
   *
   * @returns the contract's path and how many interactions it holds, were written and dropped
   * @throws TestkitError `IO` when the contract on disk or a written file is unreadable or not a Pact
   *   file, or the contract cannot be locked or written; the contract is then unchanged
   */
  commit(): Promise<ContractUpdate>;
  /** Drops everything written; `dir` is unchanged. Safe to call more than once. */
  discard(): void;
}

/**
 * Writes a consumer's contract with Pact, outside of Vitest (in Vitest, `setupContract` from
 * `twilio-testkit/contracts/vitest` also drops what failing and removed tests wrote). Each interaction
 * gets a PactV4 of its own writing into a staging folder (a single PactV4 rereads and rewrites its
 * whole file after every interaction), and `commit()` merges them into the contract once, producing
 * the bytes Pact would write. Nothing reaches `dir` until `commit()`; writers of one contract in
 * several processes take turns and lose nothing.
 *
 * @param options - consumer, provider, folder and Pact's log level
 * @returns the writer; call `pact()` per interaction, then `commit()` when all passed, else `discard()`
 * @throws TestkitError `USAGE` when the consumer or provider name cannot name a file (`/`, `\`,
 *   control characters, `..`); `IO` when the staging folder cannot be created
 * @example
 * ```ts
 * const contract = contractWriter({ consumer: "my-service", dir: "contracts" });
 * await addTwilioInteraction(contract.pact(), fetchConference({ example })).executeTest(async (mock) => { … });
 * await contract.commit(); // contracts/my-service-twilio-voice-api.json
 * ```
 * @see README.md, "Consumer side"
 */
export function contractWriter(options: ContractWriterOptions): ContractWriter {
  const session = openContractSession(options);
  return {
    file: session.file,
    pact: () => session.pact(),
    commit: () =>
      session.commit(
        () => true,
        () => false,
      ),
    discard: session.discard,
  };
}
