// internal: a contract file on disk, changed only under a lock and only by whole-file renames, merged
// the way Pact merges interactions into an existing file.
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import lockfile from "proper-lockfile";
import { TestkitError } from "../errors.js";
import { readRegularFile } from "./_regular-file.js";
import type { StagingDirectory } from "./staging.js";

type Json = Record<string, unknown>;

/** What to do to a contract: the Pact files to merge in, and which interactions already there go. */
export interface ContractChange {
  /** Pact files written by PactV4s for this contract; their interactions go in, later ones winning */
  readonly staged: readonly string[];
  /** Whether an interaction already in the contract is dropped, given its `comments.testname` (undefined when it has none) */
  readonly obsolete: (testName: string | undefined) => boolean;
}

/** What a commit did. */
export interface ContractUpdate {
  /** Absolute path of the contract */
  readonly path: string;
  /** Interactions in the contract now */
  readonly interactions: number;
  /** Interactions merged in (new or replacing one of the same description and provider states) */
  readonly written: number;
  /** Interactions dropped as obsolete */
  readonly dropped: number;
}

/** How long a commit waits for another writer of the same contract: 200 tries, 25 to 250 ms apart. */
const LOCK_RETRIES = { retries: 200, minTimeout: 25, maxTimeout: 250 } as const;

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The JSON value with every object's keys in order, as Pact writes contracts. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortedKeys((value as Json)[key])]),
  );
}

/**
 * What names an interaction in a contract, as Pact's merge reads it: its description and the names
 * of its provider states (not their parameters).
 */
const identity = (interaction: Json): { description: string; states: string } => ({
  description: String(interaction.description),
  states: JSON.stringify(((interaction.providerStates ?? []) as Json[]).map((state) => String(state.name))),
});

/** The test that wrote an interaction, from Pact V4's `comments.testname`. */
const testNameOf = (interaction: Json): string | undefined => {
  const name = (interaction.comments as Json | undefined)?.testname;
  return typeof name === "string" ? name : undefined;
};

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A Pact file's JSON: an object whose `interactions` is a list of objects. */
async function readJson(path: string, what: string): Promise<Json> {
  let document: unknown;
  try {
    document = JSON.parse(await readRegularFile(path, `${what} ${path}`));
  } catch (error) {
    if (error instanceof TestkitError) throw error;
    throw new TestkitError("IO", `Failed to read ${what} ${path}: ${reason(error).replace(/\s+/g, " ")}`, {
      cause: error,
    });
  }
  if (!isObject(document) || !Array.isArray(document.interactions) || !document.interactions.every(isObject))
    throw new TestkitError("IO", `Failed to read ${what} ${path}: not a Pact file (no "interactions" list of objects)`);
  return document;
}

/**
 * The text of the contract after a change, as Pact merges into an existing file: the interactions
 * kept, then the staged ones (an interaction with the description and provider-state names of an
 * earlier one replaces it), ordered by description then provider-state names, keys in order,
 * two-space indentation, no final newline. The newest staged file's metadata wins.
 */
function merged(
  existing: Json | undefined,
  staged: readonly Json[],
  obsolete: ContractChange["obsolete"],
): { text: string; counts: Omit<ContractUpdate, "path"> } {
  const byIdentity = new Map<string, { id: ReturnType<typeof identity>; interaction: Json }>();
  const kept = ((existing?.interactions ?? []) as Json[]).filter((interaction) => !obsolete(testNameOf(interaction)));
  const incoming = staged.flatMap((document) => document.interactions as Json[]);
  for (const interaction of [...kept, ...incoming]) {
    const id = identity(interaction);
    byIdentity.set(JSON.stringify(id), { id, interaction });
  }
  const interactions = [...byIdentity.values()]
    .sort((a, b) => compare(a.id.description, b.id.description) || compare(a.id.states, b.id.states))
    .map((entry) => entry.interaction);
  const base = staged.at(-1) ?? existing ?? {};
  const dropped = ((existing?.interactions ?? []) as Json[]).length - kept.length;
  return {
    text: JSON.stringify(sortedKeys({ ...base, interactions }), null, 2),
    counts: { interactions: interactions.length, written: incoming.length, dropped },
  };
}

/**
 * Applies a change to the contract `file` in `staging.target`, holding a lock on it (a `<file>.lock`
 * folder, as proper-lockfile makes) so that writers in other workers and processes take turns: read
 * the contract, merge, write the result into the staging folder and rename it over the contract.
 * Readers see the old contract or the new one, never a mix; nothing is written when the change
 * neither adds nor drops an interaction.
 *
 * @throws TestkitError `IO` when the contract or a staged file cannot be read or is not a Pact file
 *   (the contract is then unchanged), when the lock cannot be had within about 30 s, or the write fails
 */
export async function changeContract(
  staging: StagingDirectory,
  file: string,
  change: ContractChange,
): Promise<ContractUpdate> {
  const path = join(staging.target, file);
  let release: () => Promise<void>;
  // A lock another writer took over (ours went stale) fails this commit rather than the process.
  let compromised: Error | undefined;
  try {
    release = await lockfile.lock(path, {
      realpath: false,
      retries: LOCK_RETRIES,
      onCompromised: (error) => void (compromised = error),
    });
  } catch (error) {
    throw new TestkitError("IO", `Failed to lock ${path}: ${reason(error)}`, { cause: error });
  }
  try {
    const existing = existsSync(path) ? await readJson(path, "the contract") : undefined;
    const staged = await Promise.all(change.staged.map((stagedPath) => readJson(stagedPath, "the Pact file")));
    const { text, counts } = merged(existing, staged, change.obsolete);
    if (counts.written === 0 && counts.dropped === 0) return { path, ...counts };
    try {
      writeFileSync(join(staging.dir, file), text, { flush: true });
    } catch (error) {
      throw new TestkitError("IO", `Failed to write ${path}: ${reason(error)}`, { cause: error });
    }
    if (compromised)
      throw new TestkitError(
        "IO",
        `Failed to write ${path}: another writer took its lock over (${compromised.message}); the contract is unchanged`,
      );
    staging.commit(file);
    return { path, ...counts };
  } finally {
    await release().catch(() => undefined);
  }
}
