import { execFileSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { INVALID_RULES } from "../../src/factories/index.js";
import { validateResource } from "../../src/validate/validate.js";
import { run } from "../_io.js";

/** The shipped binary, as package.json `bin` names it (built by `npm run build`). */
const BIN = fileURLToPath(
  new URL(
    `../../${(JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { bin: Record<string, string> }).bin["twilio-testkit"]}`,
    import.meta.url,
  ),
);

describe("twilio-testkit fake", () => {
  it("prints one object, or an array with --count, that passes the strict profile", async () => {
    const one = await run(["fake", "conference", "--seed", "3"]);
    expect(one.code).toBe(0);
    expect(validateResource("conference", JSON.parse(one.stdout), { profile: "strict" }).ok).toBe(true);
    const many = await run(["fake", "participant-page", "--count", "2", "--seed", "3", "--query", "PageSize=2"]);
    expect(JSON.parse(many.stdout)).toHaveLength(2);
  });

  it("the built binary prints the same bytes twice for a seed, and other SIDs for another seed", () => {
    expect(statSync(BIN).mode & 0o111, "the bin is executable").not.toBe(0);
    const bin = (seed: string) =>
      execFileSync("node", [BIN, "fake", "participant", "--count", "3", "--seed", seed], { encoding: "utf8" });
    const first = bin("1");
    expect(bin("1")).toBe(first);
    const sids = (out: string) => (JSON.parse(out) as Array<{ call_sid: string }>).map((p) => p.call_sid);
    expect(sids(bin("2"))).not.toEqual(sids(first));
  });

  it("applies traits and --set fields", async () => {
    const { stdout } = await run([
      "fake",
      "participant",
      "--trait",
      "muted",
      "--trait",
      "coaching",
      "--set",
      "label=agent",
      "--set",
      "queue_time=null",
    ]);
    expect(JSON.parse(stdout)).toMatchObject({ muted: true, coaching: true, label: "agent", queue_time: null });
  });

  it.each([
    [["fake", "caller"], /Failed to fake "caller": kinds are participant, conference/],
    [["fake", "participant", "--count", "0"], /Failed to read --count: "0" is not a whole number from 1 to 100000/],
    [["fake", "participant", "--count", "10000000"], /Failed to read --count: "10000000"/],
    [["fake", "participant", "--seed", "abc"], /Failed to read --seed: "abc"/],
    [
      ["fake", "participant", "--trait", "loud"],
      /Failed to apply trait "loud" to participant: traits are muted, on-hold, coaching/,
    ],
    [["fake", "participant", "--set", "label"], /Failed to read --set: "label" is not key=value/],
    [["fake", "participant", "--set", "status=dialing"], /\/status {2}must be one of .*\[enum\]/],
    [["fake", "stream", "--query", "PageSize=3"], /only participant-page and conference-page answer a query/],
    [
      ["fake", "participant", "--invalid", "bogus"],
      /^twilio-testkit: Failed to break participant with rule "bogus": rules for participant are sid-prefix, .*, participant-uri\n$/,
    ],
    [
      ["fake", "error", "--invalid", "sid-prefix", "--count", "2"],
      /^twilio-testkit: Failed to break error with rule "sid-prefix": rules for error are more-info-matches-code\n$/,
    ],
    [
      ["fake", "participant", "--invalid", "sid-short", "--set", "status=dialing"],
      /\/status {2}must be one of .*\[enum\]/,
    ],
  ])("%j exits 2 with one clear message", async (argv, message) => {
    const { code, stdout, stderr } = await run(argv);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("--help describes the command, lists every --invalid rule with its kinds, and exits 0", async () => {
    const { code, stdout } = await run(["fake", "--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("Usage: twilio-testkit fake [options] <kind>");
    expect(stdout).toMatch(/--invalid <rule>/);
    for (const rule of Object.keys(INVALID_RULES)) expect(stdout).toMatch(new RegExp(`^  ${rule} +\\S`, "m"));
    expect(stdout).toMatch(/^ {2}sid-prefix +participant, conference, stream$/m);
  });

  describe("--invalid", () => {
    const issues = (kind: "participant" | "conference-page", body: unknown) => {
      const result = validateResource(kind, body, { profile: "strict" });
      return result.ok ? [] : result.issues.map(({ path, rule }) => ({ path, rule }));
    };

    it("prints a participant whose only issue is its call_sid's prefix, the same bytes for a seed", async () => {
      const first = await run(["fake", "participant", "--invalid", "sid-prefix", "--seed", "1"]);
      expect(first.code).toBe(0);
      expect(first.stderr).toBe("");
      expect(JSON.parse(first.stdout).call_sid).toMatch(/^CF/);
      expect(issues("participant", JSON.parse(first.stdout))).toEqual([{ path: "/call_sid", rule: "pattern" }]);
      expect((await run(["fake", "participant", "--invalid", "sid-prefix", "--seed", "1"])).stdout).toBe(first.stdout);
    });

    it("composes with --count, --trait and --set: each object is shaped, then broken once", async () => {
      const { code, stdout } = await run([
        "fake",
        "participant",
        "--invalid",
        "date-weekday",
        "--count",
        "3",
        "--seed",
        "2",
        "--trait",
        "muted",
        "--set",
        "label=agent",
      ]);
      expect(code).toBe(0);
      const bodies = JSON.parse(stdout) as unknown[];
      expect(bodies).toHaveLength(3);
      for (const body of bodies) {
        expect(body).toMatchObject({ muted: true, label: "agent" });
        expect(issues("participant", body)).toEqual([{ path: "/date_updated", rule: "format" }]);
      }
      expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(3);
    });

    it("breaks pages too, with --query", async () => {
      const { code, stdout } = await run([
        "fake",
        "conference-page",
        "--invalid",
        "page-arithmetic",
        "--query",
        "PageSize=3",
        "--query",
        "Page=1",
      ]);
      expect(code).toBe(0);
      expect(issues("conference-page", JSON.parse(stdout))).toEqual([{ path: "/start", rule: "page-arithmetic" }]);
    });
  });
});
