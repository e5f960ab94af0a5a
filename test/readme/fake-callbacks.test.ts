// The README's status callbacks snippet, run as pasted in a scratch project: it prints the callbacks its receiver got.
import { execFile } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readmeBlocks, REPO, scratchProject } from "./_snippets.js";

const project = scratchProject();
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe("README, Status callbacks from the fake", () => {
  it("the snippet runs as pasted and prints each callback, in order, answered 204", async () => {
    const [snippet] = readmeBlocks("#### Status callbacks from the fake");
    writeFileSync(join(project, "callbacks.mts"), snippet ?? "");
    const output = await new Promise<string>((resolve) =>
      execFile(
        process.execPath,
        [join(REPO, "node_modules/tsx/dist/cli.mjs"), "callbacks.mts"],
        { cwd: project },
        (error, stdout, stderr) => resolve(`${error ? "failed\n" : ""}${stdout}${stderr}`),
      ),
    );
    expect(output.trim().split("\n")).toEqual([
      "in-progress",
      "initiated 0 POST /calls 204",
      "ringing 1 POST /calls 204",
      "answered 2 POST /calls 204",
      "participant-join 1 POST /conference 204",
      "conference-start 2 POST /conference 204",
      "completed 3 POST /calls 204",
      "participant-leave 3 POST /conference 204",
      "conference-end 4 POST /conference 204",
    ]);
  });
});
