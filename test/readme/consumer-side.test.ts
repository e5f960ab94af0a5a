// The README's consumer-side snippet, run as pasted in a scratch project by a child Vitest: it passes,
// and writes a contract that the kit's own check accepts.
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkContracts } from "../../src/contracts/check.js";
import { readmeBlocks, runVitest, scratchProject, writeSnippetTests } from "./_snippets.js";

const project = scratchProject();
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe("README, Consumer side", () => {
  it("the snippet runs as pasted, and its contract holds both interactions and passes contracts check --strict", async () => {
    const [snippet] = readmeBlocks("### Consumer side");
    expect(writeSnippetTests(project, [snippet ?? ""])).toEqual(["test/my-service.contract.test.ts"]);

    const output = await runVitest(project);
    expect(output).toMatch(/Tests\s+\S*2 passed/);
    expect(output).not.toMatch(/^failed/);

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
