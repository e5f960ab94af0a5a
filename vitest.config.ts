import { availableParallelism } from "node:os";
import { configDefaults, defineConfig } from "vitest/config";

/** The suites that drive the fake with the official SDK (test/fake-twilio/_harness.ts): all of them run over http. */
const SDK_SUITES = ["test/fake-twilio/sdk-*.test.ts"];

/**
 * The SDK suites that also run on the in-process and msw transports: under `npm test` one suite per
 * resource (every route of the fake, each transport's request and response path); with
 * `SDK_MATRIX=full` (`npm run test:deep`) every suite, paging, faults and the 300-case parameter table included.
 */
const TRANSPORT_SUITES =
  process.env.SDK_MATRIX === "full"
    ? SDK_SUITES
    : ["conferences", "participants", "streams"].map((suite) => `test/fake-twilio/sdk-${suite}.test.ts`);

/**
 * The test files that run each in a module graph (and process) of its own: those that replace a module
 * with vi.mock (run-verifier), and those that hold process-wide state: Pact's native mock servers and
 * Verifier in the test's own process (the example consumers, contract-writer, request-checks,
 * run-verifier; a contract-writer test lost a mock-server request in 3 of 7 runs while sharing a
 * worker) and MSW's patched http (test/msw). The other contract tests run Pact in child processes
 * (the Pact CLI, verify's Verifier, child Vitest runs) and share a worker's module graph like the rest.
 */
const ISOLATED = [
  "test/contracts/consumers/**/*.test.ts",
  "test/contracts/contract-writer.test.ts",
  "test/contracts/request-checks.test.ts",
  "test/contracts/run-verifier.test.ts",
  "test/msw/**/*.test.ts",
];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One worker per core: vitest's default (cores - 1) runs every file in turn on a 2-core machine, while
    // many files spend most of their time waiting on child processes (the CLI, tsc, Pact) and servers.
    maxWorkers: availableParallelism(),
    // One module graph per worker, not per file: the files share no state through modules (each starts its
    // own servers and fakes), and a fresh one per file cost about half of the tests' CPU time. Files that
    // replace a module (vi.mock) or hold process-wide state need their own graph: they are in ISOLATED.
    isolate: false,
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["test/**/*.test.ts"], exclude: [...configDefaults.exclude, ...ISOLATED] },
      },
      { extends: true, test: { name: "isolated", include: ISOLATED, isolate: true } },
      ...(["in-process", "msw"] as const).map((transport) => ({
        extends: true as const,
        test: { name: transport, include: TRANSPORT_SUITES, env: { FAKE_TWILIO_TRANSPORT: transport } },
      })),
    ],
  },
});
