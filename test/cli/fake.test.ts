import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { validateResource } from "../../src/validate/validate.js";
import { run } from "../_io.js";

describe("twilio-testkit fake", () => {
  it("prints one object, or an array with --count, that passes the strict profile", async () => {
    const one = await run(["fake", "conference", "--seed", "3"]);
    expect(one.code).toBe(0);
    expect(validateResource("conference", JSON.parse(one.stdout), { profile: "strict" }).ok).toBe(true);
    const many = await run(["fake", "participant-page", "--count", "2", "--seed", "3", "--query", "PageSize=2"]);
    expect(JSON.parse(many.stdout)).toHaveLength(2);
  });

  it("the built binary prints the same bytes twice for a seed, and other SIDs for another seed", () => {
    const bin = (seed: string) => execFileSync("node", ["dist/cli/main.js", "fake", "participant", "--count", "3", "--seed", seed], { encoding: "utf8" });
    const first = bin("1");
    expect(bin("1")).toBe(first);
    const sids = (out: string) => (JSON.parse(out) as Array<{ call_sid: string }>).map((p) => p.call_sid);
    expect(sids(bin("2"))).not.toEqual(sids(first));
  });

  it("applies traits and --set fields", async () => {
    const { stdout } = await run(["fake", "participant", "--trait", "muted", "--trait", "coaching", "--set", "label=agent", "--set", "queue_time=null"]);
    expect(JSON.parse(stdout)).toMatchObject({ muted: true, coaching: true, label: "agent", queue_time: null });
  });

  it.each([
    [["fake", "caller"], /Failed to fake "caller": kinds are participant, conference/],
    [["fake", "participant", "--count", "0"], /Failed to read --count: "0" is not a whole number from 1 to 100000/],
    [["fake", "participant", "--count", "10000000"], /Failed to read --count: "10000000"/],
    [["fake", "participant", "--seed", "abc"], /Failed to read --seed: "abc"/],
    [["fake", "participant", "--trait", "loud"], /Failed to apply trait "loud" to participant: traits are muted, on-hold, coaching/],
    [["fake", "participant", "--set", "label"], /Failed to read --set: "label" is not key=value/],
    [["fake", "participant", "--set", "status=dialing"], /\/status {2}must be one of .*\[enum\]/],
    [["fake", "stream", "--query", "PageSize=3"], /only participant-page and conference-page answer a query/],
  ])("%j exits 2 with one clear message", async (argv, message) => {
    const { code, stdout, stderr } = await run(argv);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("--help describes the command and exits 0", async () => {
    const { code, stdout } = await run(["fake", "--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("Usage: twilio-testkit fake [options] <kind>");
  });
});
