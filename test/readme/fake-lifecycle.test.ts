// The README's lifecycle snippet, run as pasted in a scratch project: it prints the timeline the section describes.
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readmeBlocks, runInProject, scratchProject } from "./_snippets.js";

const project = scratchProject();
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe("README, The fake's lifecycle", () => {
  it("the snippet runs as pasted and prints the participant's timeline, then the conference's end", async () => {
    const [snippet] = readmeBlocks("#### The fake's lifecycle");
    writeFileSync(join(project, "lifecycle.mts"), snippet ?? "");
    const output = await runInProject(project, "tsx/dist/cli.mjs", ["lifecycle.mts"]);
    expect(
      output
        .trim()
        .split("\n")
        .map((line) => line.trimEnd()),
    ).toEqual([
      "2030-01-01T00:00:00.100Z participant-status connecting",
      "2030-01-01T00:00:00.300Z participant-status ringing",
      "2030-01-01T00:00:00.700Z participant-status connected",
      "2030-01-01T00:00:00.700Z participant-join",
      "2030-01-01T00:00:00.700Z conference-start",
      "2030-01-01T00:00:01.000Z participant-status complete",
      "2030-01-01T00:00:01.000Z participant-leave",
      "2030-01-01T00:00:01.000Z conference-end",
    ]);
  });
});
