// The README's signature snippet, run as pasted in a scratch project by a child Vitest.
import { execFile } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readmeBlocks, REPO, scratchProject } from "./_snippets.js";

const project = scratchProject();
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe("README, Signing and checking X-Twilio-Signature", () => {
  it("the snippet runs as pasted and its test passes", async () => {
    const [snippet, ...more] = readmeBlocks("### Signing and checking X-Twilio-Signature");
    expect(more).toEqual([]);
    const file = /^\/\/ (\S+)/.exec(snippet ?? "")?.[1];
    expect(file).toBe("test/status-callback.test.ts");
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
    expect(output).toMatch(/Tests\s+1 passed/);
    expect(output).not.toMatch(/^failed/);
  });
});
