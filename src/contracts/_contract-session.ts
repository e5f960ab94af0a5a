// internal: the PactV4s of one consumer's contract in one test file or process, each writing one
// interaction into a staging folder, and the commit of what they wrote into the contract on disk.
import type { LogLevel } from "@pact-foundation/pact";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { TestkitError } from "../errors.js";
import { changeContract, type ContractUpdate } from "./_contract-file.js";
import { PROVIDER_NAME } from "../catalogue/provider-states.js";
import { stageDirectory } from "./staging.js";
import { PactV4 } from "./_pact.js";

/** Where a consumer's contract goes, and who it is between. */
export interface ContractWriterOptions {
  /** The consumer's pacticipant name, e.g. `conference-app`; it names the file, so no `/`, `\` or control characters */
  readonly consumer: string;
  /** The provider's pacticipant name; default {@link PROVIDER_NAME} */
  readonly provider?: string | undefined;
  /** The folder the contract goes into, e.g. `contracts` (created if missing) */
  readonly dir: string;
  /** Pact's log level; default `error` */
  readonly logLevel?: LogLevel | undefined;
}

/** A PactV4 whose HTTP interactions carry the name of the test that wrote them (Pact V4's `comments.testname`). */
class NamedPactV4 extends PactV4 {
  readonly #testName: string;
  constructor(options: ConstructorParameters<typeof PactV4>[0], testName: string) {
    super(options);
    this.#testName = testName;
  }
  override addInteraction(): ReturnType<PactV4["addInteraction"]> {
    return super.addInteraction().testName(this.#testName);
  }
}

/**
 * A pacticipant name fit to name a file in the contracts folder.
 *
 * @throws TestkitError `USAGE` for an empty name, `.` or `..`, or one holding `/`, `\` or a control character
 */
function pacticipantName(role: "consumer" | "provider", name: string): string {
  const shown = JSON.stringify(name);
  if (name.trim() === "" || name === "." || name === "..")
    throw new TestkitError("USAGE", `Failed to open the contract: ${role} name ${shown} is not a name`);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses
  if (/[/\\\u0000-\u001f\u007f-\u009f]/.test(name))
    throw new TestkitError(
      "USAGE",
      `Failed to open the contract: ${role} name ${shown} must not hold "/", "\\" or control characters (it names the contract file)`,
    );
  return name;
}

/** One consumer's contract being written. */
export interface ContractSession {
  /** The contract's file name, `<consumer>-<provider>.json` */
  readonly file: string;
  /** A new PactV4 for one interaction, writing into a staging folder of its own; `testName` goes into each interaction's `comments.testname` */
  pact(testName?: string): PactV4;
  /** Forgets what the PactV4s of this test wrote (a retried test starts again) */
  forget(testName: string): void;
  /**
   * Merges into the contract what the PactV4s of the tests `passed` accepts wrote, after dropping the
   * interactions already there that `obsolete` names; then removes the staging folder.
   */
  commit(
    passed: (testName: string | undefined) => boolean,
    obsolete: (testName: string | undefined) => boolean,
  ): Promise<ContractUpdate>;
  /** Drops everything written; the contract is unchanged. */
  discard(): void;
}

/**
 * The contract file's name, `<consumer>-<provider>.json`.
 *
 * @throws TestkitError `USAGE` for a consumer or provider name that cannot name a file
 */
export function contractFileName(options: Pick<ContractWriterOptions, "consumer" | "provider">): string {
  return `${pacticipantName("consumer", options.consumer)}-${pacticipantName("provider", options.provider ?? PROVIDER_NAME)}.json`;
}

/**
 * Opens a consumer's contract for writing.
 *
 * @throws TestkitError `USAGE` for a consumer or provider name that cannot name a file; `IO` when the staging folder cannot be created
 */
export function openContractSession(options: ContractWriterOptions): ContractSession {
  const file = contractFileName(options);
  const { consumer, provider = PROVIDER_NAME } = options;
  const staging = stageDirectory(options.dir);
  const written: Array<{ readonly testName: string | undefined; readonly dir: string; forgotten: boolean }> = [];
  const logLevel = options.logLevel ?? "error";
  return {
    file,
    pact: (testName) => {
      const dir = join(staging.dir, String(written.length));
      written.push({ testName, dir, forgotten: false });
      const pactOptions = { consumer, provider, dir, logLevel };
      return testName === undefined ? new PactV4(pactOptions) : new NamedPactV4(pactOptions, testName);
    },
    forget: (testName) => {
      for (const entry of written) if (entry.testName === testName) entry.forgotten = true;
    },
    commit: async (passed, obsolete) => {
      try {
        const staged = written
          .filter((entry) => !entry.forgotten && passed(entry.testName))
          .map((entry) => join(entry.dir, file))
          // A PactV4 writes its file only when its interaction passed (pact-js executeTest).
          .filter((path) => existsSync(path));
        return await changeContract(staging, file, { staged, obsolete });
      } finally {
        staging.discard();
      }
    },
    discard: staging.discard,
  };
}
