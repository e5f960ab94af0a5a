// The README's webhook-handler snippet, run as pasted in a scratch project by a child Vitest: both its
// tests pass against the built kit.
import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { readmeBlocks, runVitest, scratchProject, writeSnippetTests } from "./_snippets.js";

const project = scratchProject();
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe("README, Testing your webhook handlers", () => {
  it("the snippet runs as pasted, and its two tests pass", async () => {
    const [snippet] = readmeBlocks("## Testing your webhook handlers");
    expect(writeSnippetTests(project, [snippet ?? ""])).toEqual(["test/webhooks.test.ts"]);
    const output = await runVitest(project);
    expect(output).toMatch(/Tests\s+\S*2 passed/);
    expect(output).not.toMatch(/^failed/);
  });
});
