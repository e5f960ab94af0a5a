import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { hostname, tmpdir } from "node:os";
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

    expect(() => staging.commit("pact.json")).toThrow(
      expect.objectContaining({ code: "IO", message: expect.stringMatching(/^Failed to commit pact.json/) }),
    );
    expect(existsSync(staging.dir)).toBe(false);
    expect(readFileSync(join(target, "pact.json"), "utf8")).toBe("old");
  });

  it("commit refuses a path", () => {
    const staging = stageDirectory(target);
    expect(() => staging.commit("../escape.json")).toThrow(TestkitError);
    expect(() => staging.commit("../escape.json")).toThrow(/expected a file name/);
  });

  it("removes the staging folders that crashed processes of this host left, and another host's or an older release's only after an hour", () => {
    const deadPid = spawnSync(process.execPath, ["-e", "0"]).pid;
    const host = hostname().replace(/[^A-Za-z0-9.]/g, "_");
    const leftovers = {
      crashed: `.staging-${deadPid}@${host}-abc123`,
      running: `.staging-${process.pid}@${host}-def456`,
      otherHost: `.staging-${deadPid}@another-host-ghi789`,
      oldOtherHost: `.staging-${deadPid}@another-host-jkl012`,
      oldRelease: ".staging-Gh7890",
      recentOldRelease: ".staging-Jk1234",
    };
    for (const name of Object.values(leftovers)) {
      mkdirSync(join(target, name));
      writeFileSync(join(target, name, "pact.json"), "half-writ");
    }
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(join(target, leftovers.oldRelease), twoHoursAgo, twoHoursAgo);
    utimesSync(join(target, leftovers.oldOtherHost), twoHoursAgo, twoHoursAgo);

    const staging = stageDirectory(target);
    expect(readdirSync(target).sort()).toEqual(
      [leftovers.recentOldRelease, leftovers.running, leftovers.otherHost, staging.dir.slice(target.length + 1)].sort(),
    );
  });
});
