import type { LogLevel } from "@pact-foundation/pact";
import { PactV4 } from "./_pact.js";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { TestkitError } from "../errors.js";
import { PROVIDER_NAME } from "./interactions/states.js";
import { stageDirectory } from "./staging.js";

/** Where a consumer's contract goes, and who it is between. */
export interface ContractWriterOptions {
  /** The consumer's pacticipant name, e.g. `conference-app` */
  readonly consumer: string;
  /** The provider's pacticipant name; default {@link PROVIDER_NAME} */
  readonly provider?: string | undefined;
  /** The folder the contract goes into, e.g. `contracts` (created if missing) */
  readonly dir: string;
  /** Pact's log level; default `error` */
  readonly logLevel?: LogLevel | undefined;
}

/** A consumer's contract being written: a PactV4 per interaction, committed as one file or discarded. */
export interface ContractWriter {
  /** The contract's file name, `<consumer>-<provider>.json` */
  readonly file: string;
  /** A new PactV4 for one interaction (add it and `executeTest` it); it writes into a staging folder of its own */
  pact(): PactV4;
  /**
   * Merges the interactions every PactV4 wrote into one contract and moves it into `dir`, replacing
   * the previous one in a single rename.
   *
   * @returns the contract's absolute path
   * @throws TestkitError `IO` when no interaction was written or the files cannot be read or moved
   */
  commit(): string;
  /** Drops everything written; `dir` is unchanged. */
  discard(): void;
}

type Json = Record<string, unknown>;

/** The JSON value with every object's keys in order, as Pact writes contracts. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortedKeys((value as Json)[key])]));
}

/**
 * What names an interaction in a contract, as Pact's merge reads it: its description and the names
 * of its provider states (not their parameters).
 */
const identity = (interaction: Json): { description: string; states: string } => ({
  description: String(interaction.description),
  states: JSON.stringify(((interaction.providerStates ?? []) as Json[]).map((state) => String(state.name))),
});

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Merges Pact files of one consumer and provider into the text of one contract, as Pact merges into
 * an existing file: an interaction with the description and provider-state names of an earlier one
 * replaces it (the last written wins), ordered by description then provider-state names, keys in
 * order, two-space indentation, no final newline.
 */
function mergeContracts(texts: readonly string[], file: string): string {
  const documents = texts.map((text) => JSON.parse(text) as Json);
  const [first] = documents;
  if (!first) throw new TestkitError("IO", `Failed to write ${file}: no interaction was written`);
  const byIdentity = new Map<string, { id: ReturnType<typeof identity>; interaction: unknown }>();
  for (const interaction of documents.flatMap((d) => d.interactions as Json[])) {
    const id = identity(interaction);
    byIdentity.set(JSON.stringify(id), { id, interaction });
  }
  const interactions = [...byIdentity.values()]
    .sort((a, b) => compare(a.id.description, b.id.description) || compare(a.id.states, b.id.states))
    .map((entry) => entry.interaction);
  return JSON.stringify(sortedKeys({ ...first, interactions }), null, 2);
}

/**
 * Writes a consumer's contract with Pact, all or nothing and at a cost per interaction that does not
 * grow with the contract. A single PactV4 rewrites its whole file after every `executeTest` (reading
 * and merging what is on disk), so the n-th interaction costs in proportion to n; here each
 * interaction gets a PactV4 of its own writing into its own staging folder, and `commit()` merges the
 * files once, as Pact would have merged them (the same bytes), then renames the contract into place.
 * Nothing reaches `dir` until `commit()`, so a failed test run leaves the previous contract as it
 * was. Use one writer per consumer and folder: a second one's `commit()` replaces the first's file.
 *
 * @param options - consumer, provider, folder and Pact's log level
 * @returns the writer; call `pact()` per interaction, then `commit()` when all passed, else `discard()`
 * @throws TestkitError `IO` when the staging folder cannot be created
 * @example
 * ```ts
 * const contract = contractWriter({ consumer: "my-service", dir: "contracts" });
 * await addTwilioInteraction(contract.pact(), fetchConference({ example })).executeTest(async (mock) => { … });
 * contract.commit(); // contracts/my-service-twilio-voice-api.json
 * ```
 * @see README.md, "Consumer side"
 */
export function contractWriter(options: ContractWriterOptions): ContractWriter {
  const provider = options.provider ?? PROVIDER_NAME;
  const file = `${options.consumer}-${provider}.json`;
  const staging = stageDirectory(options.dir);
  let count = 0;
  const written = (): string[] =>
    readdirSync(staging.dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(staging.dir, entry.name, file))
      .filter((path) => readdirSync(join(path, "..")).includes(file));
  return {
    file,
    pact: () => new PactV4({ consumer: options.consumer, provider, dir: join(staging.dir, String(count++)), logLevel: options.logLevel ?? "error" }),
    commit: () => {
      try {
        writeFileSync(join(staging.dir, file), mergeContracts(written().map((path) => readFileSync(path, "utf8")), file));
      } catch (error) {
        staging.discard();
        if (error instanceof TestkitError) throw error;
        throw new TestkitError("IO", `Failed to write ${file}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      return staging.commit(file);
    },
    discard: staging.discard,
  };
}
