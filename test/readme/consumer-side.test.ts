// The README's consumer-side snippet, run as pasted in a scratch project by a child Vitest: it passes,
// and writes a contract that the kit's own check accepts.
import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkContracts } from "../../src/contracts/check.js";
import { readmeBlocks, REPO, scratchProject } from "./_snippets.js";

const project = scratchProject();
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe("README, Consumer side", () => {
  it("the snippet runs as pasted, and its contract holds both interactions and passes contracts check --strict", async () => {
    const [snippet] = readmeBlocks("### Consumer side");
    const file = /^\/\/ (\S+)/.exec(snippet ?? "")?.[1];
    expect(file).toBe("test/my-service.contract.test.ts");
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
