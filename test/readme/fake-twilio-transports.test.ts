// The README's in-process, MSW and faults snippets, run as pasted (TypeScript through tsx) in a scratch
// project that imports the built kit.
import { execFile } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readmeBlocks, REPO, scratchProject } from "./_snippets.js";

const project = scratchProject();
afterAll(() => rmSync(project, { recursive: true, force: true }));

/** Runs one snippet as `snippet.mts` with tsx; its standard output, or a failure with its standard error. */
function run(snippet: string): Promise<string> {
  writeFileSync(join(project, "snippet.mts"), snippet);
  return new Promise((resolve, reject) =>
    execFile(
      process.execPath,
      [join(REPO, "node_modules/tsx/dist/cli.mjs"), "snippet.mts"],
      { cwd: project },
      (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout)),
    ),
  );
}

describe("README, the fake Twilio without a server", () => {
  it("In-process client: creates a participant through the SDK, seen in the store", async () => {
    const [snippet] = readmeBlocks("#### In-process client (no server)");
    expect(await run(snippet ?? "")).toMatch(/^queued [1-9][0-9]*\n$/);
  });

  it("MSW: the SDK and fetch are both served", async () => {
    const [snippet] = readmeBlocks("#### MSW");
    expect(await run(snippet ?? "")).toMatch(/^[1-5] 200\n$/);
  });

  it("Faults on demand: the SDK sees the 429, its code and Retry-After", async () => {
    const [snippet] = readmeBlocks("#### Faults on demand");
    expect(await run(snippet ?? "")).toBe("429 20429 1\n");
  });
});
