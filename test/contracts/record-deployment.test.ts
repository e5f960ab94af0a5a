import { afterEach, describe, expect, it } from "vitest";
import { run } from "../_io.js";
import { closedPort, type FakeBroker, startFakeBroker } from "./_broker.js";

const TOKEN = "tok-d3p10y-very-secret";

let broker: FakeBroker | undefined;

afterEach(async () => {
  await broker?.close();
  broker = undefined;
});

const recordDeployment = (args: string[], env: Record<string, string>) =>
  run(["contracts", "record-deployment", ...args], { env });
const flags = (environment: string) => [
  "--pacticipant",
  "conference-app",
  "--version",
  "1.2.3",
  "--environment",
  environment,
];
const envFor = (url: string) => ({
  PACT_BROKER_BASE_URL: url,
  PACT_BROKER_TOKEN: TOKEN,
  PACT_BROKER_HTTP_RETRIES: "0",
});
const lines = (text: string) => text.trimEnd().split("\n");

describe("twilio-testkit contracts record-deployment", () => {
  it("posts to the version's pb:record-deployment link for the environment", async () => {
    broker = await startFakeBroker();
    const out = await recordDeployment(flags("production"), envFor(broker.url));

    expect(out.code).toBe(0);
    expect(broker.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "GET /pacticipants/conference-app/versions/1.2.3",
      "POST /pacticipants/conference-app/versions/1.2.3/deployed-versions/environment/production",
    ]);
    for (const request of broker.requests) expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(lines(out.stdout).at(-1)).toBe("Recorded conference-app version 1.2.3 as deployed to production");
    expect(out.stdout + out.stderr).not.toContain(TOKEN);
  });

  it("with an environment the broker does not know exits 2 with one line naming it", async () => {
    broker = await startFakeBroker({ environments: ["test"] });
    const out = await recordDeployment(flags("production"), envFor(broker.url));

    expect(out.code).toBe(2);
    expect(lines(out.stderr)).toEqual([
      "twilio-testkit: Failed to record deployment of conference-app 1.2.3 to production: Environment production does not exist (create it with: twilio-testkit contracts create-environment --name production)",
    ]);
    expect(broker.requests.filter((r) => r.method === "POST")).toEqual([]);
  });

  it("on 409 exits 2 with the broker's error on one line", async () => {
    const conflict = {
      errors: { base: ["conference-app version 1.2.3 is already recorded as deployed to production"] },
    };
    broker = await startFakeBroker({
      failure: { method: "POST", path: /\/deployed-versions\//, status: 409, body: conflict },
    });
    const out = await recordDeployment(flags("production"), envFor(broker.url));

    expect(out.code).toBe(2);
    expect(out.stderr).toBe(
      "twilio-testkit: Failed to record deployment of conference-app 1.2.3 to production: base: conference-app version 1.2.3 is already recorded as deployed to production\n",
    );
  });

  it("on 401 exits 2 with one line, the token redacted", async () => {
    broker = await startFakeBroker({
      failure: { path: /^\/pacticipants\//, status: 401, body: { error: `bad token ${TOKEN}` } },
    });
    const out = await recordDeployment(flags("production"), envFor(broker.url));

    expect(out.code).toBe(2);
    expect(lines(out.stderr)).toEqual([expect.stringMatching(/401 Unauthorized.*bad token \*\*\*/)]);
    expect(out.stdout + out.stderr).not.toContain(TOKEN);
  });

  it("with an unreachable broker exits 2 with one line", async () => {
    const out = await recordDeployment(flags("production"), envFor(`http://127.0.0.1:${await closedPort()}`));
    expect(out.code).toBe(2);
    expect(lines(out.stderr)).toEqual([
      expect.stringMatching(
        /^twilio-testkit: Failed to record deployment of conference-app 1.2.3 to production: Failed to access pact broker/,
      ),
    ]);
  });

  it("without PACT_BROKER_BASE_URL exits 2 saying what to set", async () => {
    const out = await recordDeployment(flags("production"), { PACT_BROKER_TOKEN: TOKEN });
    expect(out.code).toBe(2);
    expect(lines(out.stderr)).toEqual([
      expect.stringMatching(/^twilio-testkit: Failed to record deployment: set PACT_BROKER_BASE_URL /),
    ]);
  });

  it("--help lists the flags, the environment and an example", async () => {
    const out = await run(["contracts", "record-deployment", "--help"]);
    expect(out.code).toBe(0);
    for (const flag of [
      "--pacticipant <name>",
      "--version <version>",
      "--environment <environment>",
      "PACT_BROKER_BASE_URL",
    ])
      expect(out.stdout).toContain(flag);
    expect(out.stdout).toContain("Examples:\n  twilio-testkit contracts record-deployment");
  });
});
