// The README's "SDK instances" and "Checking what your code sends" snippets, run as pasted in a
// scratch project by a child Vitest.
import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { readmeBlocks, runVitest, scratchProject, writeSnippetTests } from "./_snippets.js";

const project = scratchProject();
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe("README, SDK instances and Checking what your code sends", () => {
  it("both snippets run as pasted and their tests pass", async () => {
    const snippets = [...readmeBlocks("### SDK instances"), ...readmeBlocks("### Checking what your code sends")];
    expect(snippets).toHaveLength(2);
    writeSnippetTests(project, snippets);
    const output = await runVitest(project);
    expect(output).toMatch(/Tests\s+4 passed/);
    expect(output).not.toMatch(/^failed/);
  });
});
