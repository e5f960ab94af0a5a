// The README's factory snippet (sequences, hooks, deep merge, stability, defineFactory), run as
// pasted in a scratch project: its assertions hold against the built kit.
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readmeBlocks, runInProject, scratchProject } from "./_snippets.js";

const project = scratchProject();
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe("README, Sequences, parameters, hooks, deep merge, your own resources", () => {
  it("the snippet runs as pasted and its assertions hold", async () => {
    const [snippet] = readmeBlocks("#### Sequences, parameters, hooks, deep merge, your own resources");
    expect(snippet).toContain("defineFactory");
    writeFileSync(join(project, "package.json"), '{ "type": "module" }\n');
    writeFileSync(join(project, "snippet.ts"), `${snippet ?? ""}\nconsole.log("snippet done");\n`);
    const output = await runInProject(project, "tsx/dist/cli.mjs", ["snippet.ts"]);
    expect(output).toBe("snippet done\n");
  }, 60_000);
});
