import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { stageDirectory } from "../../src/contracts/staging.js";
import { TestkitError } from "../../src/errors.js";

describe("stageDirectory", () => {
  let target: string;
  beforeEach(() => {
    target = join(mkdtempSync(join(tmpdir(), "staging-test-")), "contracts");
    mkdirSync(target);
  });
  afterEach(() => rmSync(join(target, ".."), { recursive: true, force: true }));

  it("creates the target and a temporary folder inside it", () => {
    rmSync(target, { recursive: true });
    const staging = stageDirectory(target);
    expect(staging.target).toBe(target);
    expect(staging.dir.startsWith(join(target, ".staging-"))).toBe(true);
    expect(readdirSync(staging.dir)).toEqual([]);
  });

  it("commit replaces the target file with the staged one and removes the temporary folder", () => {
    const first = stageDirectory(target);
    writeFileSync(join(first.dir, "pact.json"), "old");
    first.commit("pact.json");
    const second = stageDirectory(target);
    writeFileSync(join(second.dir, "pact.json"), "new");

    expect(second.commit("pact.json")).toBe(join(target, "pact.json"));
    expect(readFileSync(join(target, "pact.json"), "utf8")).toBe("new");
    expect(readdirSync(target)).toEqual(["pact.json"]);
  });

  it("discard leaves the target as it was", () => {
    writeFileSync(join(target, "pact.json"), "old");
    const staging = stageDirectory(target);
    writeFileSync(join(staging.dir, "pact.json"), "half-writ");

    staging.discard();
    staging.discard();
    expect(readdirSync(target)).toEqual(["pact.json"]);
    expect(readFileSync(join(target, "pact.json"), "utf8")).toBe("old");
  });

  it("commit of a file never written fails with IO, keeps the target and still cleans up", () => {
    writeFileSync(join(target, "pact.json"), "old");
    const staging = stageDirectory(target);

    expect(() => staging.commit("pact.json")).toThrow(expect.objectContaining({ code: "IO", message: expect.stringMatching(/^Failed to commit pact.json/) }));
    expect(existsSync(staging.dir)).toBe(false);
    expect(readFileSync(join(target, "pact.json"), "utf8")).toBe("old");
  });

  it("commit refuses a path", () => {
    const staging = stageDirectory(target);
    expect(() => staging.commit("../escape.json")).toThrow(TestkitError);
    expect(() => staging.commit("../escape.json")).toThrow(/expected a file name/);
  });

  it("removes the staging folders that crashed processes left, and only those", () => {
    const deadPid = spawnSync(process.execPath, ["-e", "0"]).pid;
    const leftovers = {
      crashed: `.staging-${deadPid}-abc123`,
      running: `.staging-${process.pid}-def456`,
      oldRelease: ".staging-Gh7890",
      recentOldRelease: ".staging-Jk1234",
    };
    for (const name of Object.values(leftovers)) {
      mkdirSync(join(target, name));
      writeFileSync(join(target, name, "pact.json"), "half-writ");
    }
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(join(target, leftovers.oldRelease), twoHoursAgo, twoHoursAgo);

    const staging = stageDirectory(target);
    expect(readdirSync(target).sort()).toEqual([leftovers.recentOldRelease, leftovers.running, staging.dir.slice(target.length + 1)].sort());
  });
});
