// The README's "SDK instances" and "Checking what your code sends" snippets, run as pasted in a
// scratch project by a child Vitest.
import { execFile } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readmeBlocks, REPO, scratchProject } from "./_snippets.js";

const project = scratchProject();
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe("README, SDK instances and Checking what your code sends", () => {
  it("both snippets run as pasted and their tests pass", async () => {
    const snippets = [...readmeBlocks("### SDK instances"), ...readmeBlocks("### Checking what your code sends")];
    expect(snippets).toHaveLength(2);
    mkdirSync(join(project, "test"));
    for (const snippet of snippets) {
      const file = /^\/\/ (\S+)/.exec(snippet)?.[1] ?? "";
      expect(file).toMatch(/^test\/[\w-]+\.test\.ts$/);
      writeFileSync(join(project, file), snippet);
    }
    writeFileSync(join(project, "vitest.config.mjs"), "export default { test: { include: ['test/*.test.ts'] } };\n");
    const output = await new Promise<string>((resolve) =>
      execFile(
        process.execPath,
        [join(REPO, "node_modules/vitest/vitest.mjs"), "run"],
        { cwd: project, env: { ...process.env, NO_COLOR: "1" } },
        (error, stdout, stderr) => resolve(`${error ? "failed\n" : ""}${stdout}${stderr}`),
      ),
    );
    expect(output).toMatch(/Tests\s+4 passed/);
    expect(output).not.toMatch(/^failed/);
  });
});
