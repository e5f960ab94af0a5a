// The `twilio-testkit/contracts/vitest` entry point: a consumer's contract written from Vitest tests,
// keeping what passing tests wrote and nothing else, whatever the test layout.
import type { PactV4 } from "@pact-foundation/pact";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { RunnerTask, RunnerTestCase, RunnerTestFile } from "vitest";
import { importPeer } from "../_optional-peer.js";
import { TestkitError } from "../errors.js";
import {
  contractFileName,
  openContractSession,
  type ContractSession,
  type ContractWriterOptions,
} from "./_contract-session.js";

export type { ContractWriterOptions } from "./_contract-session.js";

// vitest is an optional peer dependency: without it, this import fails with one line naming it.
const { afterAll, afterEach, beforeAll, beforeEach } = await importPeer("vitest", () => import("vitest"));

/** A consumer's contract for the tests of one file: a PactV4 per interaction. */
export interface VitestContract {
  /** The contract's file name, `<consumer>-<provider>.json` */
  readonly file: string;
  /**
   * A new PactV4 for one interaction of the running test. Pass the test's context when tests of the
   * file run concurrently (`it.concurrent("…", async (context) => … contract.pact(context))`).
   *
   * @throws TestkitError `USAGE` outside a test, or when several tests run at once and no context is given
   */
  pact(context?: { readonly task: RunnerTestCase }): PactV4;
}

/** Test files are named like modules; a test name whose first part is not one was not written by a Vitest test of this kit. */
const TEST_FILE = /\.[cm]?[jt]sx?$/;

/** Every test of a suite, nested suites included. */
const testsOf = (task: RunnerTask): RunnerTestCase[] => (task.type === "test" ? [task] : task.tasks.flatMap(testsOf));

/**
 * A test's name as Vitest 4 writes `fullName`: the file's path from the project root, the suites and
 * the test, joined by ` > ` (e.g. `test/api.test.ts > conferences > reads one`). Built here, as
 * Vitest 3.2 has no `fullName`.
 */
function testName(test: RunnerTestCase): string {
  const suites: string[] = [];
  for (let suite = test.suite; suite !== undefined && suite !== test.file; suite = suite.suite)
    suites.unshift(suite.name);
  return [test.file.name, ...suites, test.name].join(" > ");
}

/**
 * Which interactions already in the contract are out of date once `file` has run: those its tests
 * wrote that ran again (passing ones are written anew, failing ones go), those of tests it no longer
 * has, and those of test files that no longer exist.
 */
function obsoleteAfter(
  file: RunnerTestFile,
  ran: ReadonlySet<string>,
  declared: ReadonlySet<string>,
): (testName: string | undefined) => boolean {
  const root = file.filepath.slice(0, file.filepath.length - file.name.length);
  return (testName) => {
    if (testName === undefined) return false;
    if (testName.startsWith(`${file.name} > `)) return ran.has(testName) || !declared.has(testName);
    const testFile = testName.split(" > ", 1)[0] ?? "";
    return TEST_FILE.test(testFile) && !existsSync(resolve(root, testFile));
  };
}

/**
 * Sets up a consumer's contract for the current Vitest test file; call it once at the file's top
 * level. Each interaction gets a PactV4 of its own, and each interaction in the contract carries the
 * name of the test that wrote it (Pact V4's `comments.testname`, e.g. `test/api.test.ts > reads a
 * conference`). After the file's tests, the contract on disk gets the interactions of the tests that
 * passed, loses those of the tests that failed, of tests the file no longer has, and of test files
 * that no longer exist, and keeps the rest: tests filtered out (`-t`), skipped, or in other files.
 * Writers in other workers or processes take turns on a lock, each rename replacing the whole file, so
 * any layout (several files, thread or fork pools, `-t`, repeated runs) ends with the interactions
 * of the tests that passed when they last ran.
 *
 * @param options - consumer, provider, folder (relative to the working folder) and Pact's log level
 * @returns the contract; call `pact()` in each test for each interaction
 * @throws TestkitError `USAGE` when the consumer or provider name cannot name a file; the file's
 *   `afterAll` fails with `IO` when the contract is unreadable or not a Pact file (it is then unchanged)
 * @example
 * ```ts
 * import { setupContract } from "twilio-testkit/contracts/vitest";
 * const contract = setupContract({ consumer: "my-service", dir: "contracts" });
 * it("reads a conference", async () => {
 *   await addTwilioInteraction(contract.pact(), fetchConference({ example })).executeTest(async (mock) => { … });
 * });
 * ```
 * @see README.md, "Consumer side"
 */
export function setupContract(options: ContractWriterOptions): VitestContract {
  const file = contractFileName(options);
  let session: ContractSession | undefined;
  const running = new Set<RunnerTestCase>();
  /** The test file, as the first of its tests to run shows it (hooks' own arguments differ between Vitest 3 and 4). */
  let testFile: RunnerTestFile | undefined;
  beforeAll(() => {
    session = openContractSession(options);
  });
  beforeEach(({ task }) => {
    testFile ??= task.file;
    running.add(task);
    session?.forget(testName(task)); // a retry starts again
  });
  afterEach(({ task }) => {
    running.delete(task);
  });
  afterAll(async () => {
    if (testFile === undefined) return session?.discard(); // no test ran
    const tests = testsOf(testFile);
    const named = (state: (test: RunnerTestCase) => boolean) => new Set(tests.filter(state).map(testName));
    const passed = named((test) => test.result?.state === "pass");
    const ran = named((test) => test.result?.state === "pass" || test.result?.state === "fail");
    const declared = named(() => true);
    await session?.commit((name) => name !== undefined && passed.has(name), obsoleteAfter(testFile, ran, declared));
  });
  return {
    file,
    pact: (context) => {
      const task = context?.task ?? (running.size === 1 ? [...running][0] : undefined);
      if (session === undefined || task === undefined) {
        const where =
          running.size === 0
            ? "outside a test"
            : `while ${running.size} tests run at once (pass the test's context: contract.pact(context))`;
        throw new TestkitError("USAGE", `Failed to create a PactV4 for ${file}: called ${where}`);
      }
      return session.pact(testName(task));
    },
  };
}
