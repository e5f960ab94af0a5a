// The README's signature snippet, run as pasted in a scratch project by a child Vitest.
import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { readmeBlocks, runVitest, scratchProject, writeSnippetTests } from "./_snippets.js";

const project = scratchProject();
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe("README, Signing and checking X-Twilio-Signature", () => {
  it("the snippet runs as pasted and its test passes", async () => {
    const [snippet, ...more] = readmeBlocks("### Signing and checking X-Twilio-Signature");
    expect(more).toEqual([]);
    expect(writeSnippetTests(project, [snippet ?? ""])).toEqual(["test/status-callback.test.ts"]);
    const output = await runVitest(project);
    expect(output).toMatch(/Tests\s+1 passed/);
    expect(output).not.toMatch(/^failed/);
  });
});
