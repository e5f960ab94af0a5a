// The README's webhook-handler snippet, run as pasted in a scratch project by a child Vitest: both its
// tests pass against the built kit.
import { execFile } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readmeBlocks, REPO, scratchProject } from "./_snippets.js";

const project = scratchProject();
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe("README, Testing your webhook handlers", () => {
  it("the snippet runs as pasted, and its two tests pass", async () => {
    const [snippet] = readmeBlocks("## Testing your webhook handlers");
    const file = /^\/\/ (\S+)/.exec(snippet ?? "")?.[1];
    expect(file).toBe("test/webhooks.test.ts");
    mkdirSync(join(project, "test"));
    writeFileSync(join(project, file ?? ""), snippet ?? "");
    writeFileSync(join(project, "vitest.config.mjs"), "export default { test: { include: ['test/*.test.ts'] } };\n");
    const output = await new Promise<string>((resolve) =>
      execFile(
        process.execPath,
        [join(REPO, "node_modules/vitest/vitest.mjs"), "run"],
        { cwd: project, env: { ...process.env, NO_COLOR: "1" } },
        (error, stdout, stderr) => resolve(`${error ? "failed\n" : ""}${stdout}${stderr}`),
      ),
    );
    expect(output).toMatch(/Tests\s+\S*2 passed/);
    expect(output).not.toMatch(/^failed/);
  });
});
