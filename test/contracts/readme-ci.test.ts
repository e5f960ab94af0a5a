// The README's CI steps, run as written (parsed from the README) against a fresh fake broker: one that
// knows no environment and no pact, as a new Pact Broker.
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../_io.js";
import { startFakeBroker } from "./_broker.js";

const REPO = fileURLToPath(new URL("../..", import.meta.url));

/** The commands of the README's `sh` block that follows "In CI, against the broker", as argv after `twilio-testkit`. */
function ciSteps(): string[][] {
  const readme = readFileSync(join(REPO, "README.md"), "utf8");
  const block = /In CI, against the broker[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1];
  if (block === undefined) throw new Error("README.md has no CI steps");
  return block
    .split("\n")
    .map((line) => line.replace(/#.*/, "").trim())
    .filter((line) => line !== "")
    .map((line) => {
      const [npx, bin, ...argv] = line.split(/\s+/);
      expect([npx, bin]).toEqual(["npx", "twilio-testkit"]);
      return argv;
    });
}

let cwd: string;
beforeAll(() => {
  cwd = mkdtempSync(join(tmpdir(), "ttk-readme-ci-"));
  cpSync(join(REPO, "contracts"), join(cwd, "contracts"), { recursive: true });
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe("the README's CI steps", () => {
  it("run in order against a fresh broker, each exiting 0, and publish a result per published pact", async () => {
    const steps = ciSteps();
    expect(steps.map((argv) => argv.slice(0, 2).join(" "))).toContain("contracts create-environment");
    const broker = await startFakeBroker({ environments: [] });
    try {
      for (const argv of steps) {
        const out = await run(argv, {
          cwd,
          env: { PACT_BROKER_BASE_URL: broker.url, PACT_BROKER_TOKEN: "tok", PACT_BROKER_HTTP_RETRIES: "0" },
        });
        expect({ argv, code: out.code, stderr: out.stderr }).toEqual({ argv, code: 0, stderr: "" });
      }
      expect(
        broker
          .verifications()
          .map((v) => [v.consumer, v.success])
          .sort(),
      ).toEqual([
        ["call-orchestrator", true],
        ["conference-app", true],
        ["conference-dashboard", true],
      ]);
    } finally {
      await broker.close();
    }
  });

  it("fail on a fresh broker without create-environment, saying how to create it", async () => {
    const broker = await startFakeBroker({ environments: [] });
    try {
      const deploy = ciSteps().find((argv) => argv[1] === "record-deployment") ?? [];
      const out = await run(deploy, { cwd, env: { PACT_BROKER_BASE_URL: broker.url, PACT_BROKER_HTTP_RETRIES: "0" } });
      expect(out.code).toBe(2);
      expect(out.stderr).toMatch(
        /Environment production does not exist \(create it with: twilio-testkit contracts create-environment --name production\)\n$/,
      );
    } finally {
      await broker.close();
    }
  });
});
