// The README's snippets that are Vitest test files, each written as pasted into one scratch project
// where one child Vitest runs them all (one Vitest start instead of one per section): every test of
// every file passes, and the consumer's contract holds both interactions and passes contracts check --strict.
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkContracts } from "../../src/contracts/check.js";
import { readmeBlocks, runInProject, scratchProject, writeSnippetTests } from "./_snippets.js";

/** Each section's snippets (a section's first block where later ones belong to its subsections), by section. */
const SECTIONS = {
  "SDK instances": readmeBlocks("### SDK instances"),
  "Checking what your code sends": readmeBlocks("### Checking what your code sends"),
  "Testing your webhook handlers": readmeBlocks("## Testing your webhook handlers").slice(0, 1),
  "Signing and checking X-Twilio-Signature": readmeBlocks("### Signing and checking X-Twilio-Signature"),
  "Consumer side": readmeBlocks("### Consumer side").slice(0, 1),
};

/** The test file each section's snippet names on its first line, and how many tests it holds. */
const EXPECTED: Record<keyof typeof SECTIONS, Record<string, number>> = {
  "SDK instances": { "test/sdk-shapes.test.ts": 2 },
  "Checking what your code sends": { "test/requests.test.ts": 2 },
  "Testing your webhook handlers": { "test/webhooks.test.ts": 2 },
  "Signing and checking X-Twilio-Signature": { "test/status-callback.test.ts": 1 },
  "Consumer side": { "test/my-service.contract.test.ts": 2 },
};

/** A test file's results in Vitest's JSON report. */
interface FileResult {
  readonly name: string;
  readonly assertionResults: ReadonlyArray<{ readonly fullName: string; readonly status: string }>;
}

const project = scratchProject();
let files: string[];
let results: FileResult[];
let output: string;

beforeAll(async () => {
  files = writeSnippetTests(project, Object.values(SECTIONS).flat());
  output = await runInProject(project, "vitest/vitest.mjs", ["run", "--reporter=json", "--outputFile=results.json"]);
  results = (JSON.parse(readFileSync(join(project, "results.json"), "utf8")) as { testResults: FileResult[] })
    .testResults;
}, 180_000);
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe("README snippets that are Vitest test files", () => {
  it("each section gives one snippet, a test file of its own, and the child Vitest exits 0", () => {
    expect(files).toEqual(Object.values(EXPECTED).flatMap(Object.keys));
    expect(output).not.toMatch(/^failed/);
  });

  for (const [section, expected] of Object.entries(EXPECTED)) {
    it(`${section}: the snippet runs as pasted and its tests pass`, () => {
      for (const [file, count] of Object.entries(expected)) {
        const result = results.find((r) => r.name === join(project, file));
        expect(result, file).toBeDefined();
        expect(result?.assertionResults.map((a) => [a.fullName, a.status])).toEqual(
          result?.assertionResults.map((a) => [a.fullName, "passed"]),
        );
        expect(result?.assertionResults, file).toHaveLength(count);
      }
    });
  }

  it("Consumer side: the contract holds both interactions and passes contracts check --strict", async () => {
    const contract = JSON.parse(readFileSync(join(project, "contracts/my-service-twilio-voice-api.json"), "utf8")) as {
      interactions: Array<{ description: string; comments: { testname: string } }>;
    };
    expect(contract.interactions.map((i) => [i.description, i.comments.testname])).toEqual([
      ["a request for a conference", "test/my-service.contract.test.ts > reads a conference"],
      ["a request for an unknown conference", "test/my-service.contract.test.ts > handles an unknown conference"],
    ]);
    const report = await checkContracts({ cwd: project, profile: "strict" });
    expect(report.findings).toEqual([]);
  });
});
