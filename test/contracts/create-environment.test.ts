import { afterEach, describe, expect, it } from "vitest";
import { run } from "../_io.js";
import { closedPort, type FakeBroker, startFakeBroker } from "./_broker.js";

const TOKEN = "tok-3nv1r0nment-very-secret";

let broker: FakeBroker | undefined;

afterEach(async () => {
  await broker?.close();
  broker = undefined;
});

const createEnvironment = (args: string[], env: Record<string, string>) =>
  run(["contracts", "create-environment", ...args], { env });
const envFor = (url: string) => ({
  PACT_BROKER_BASE_URL: url,
  PACT_BROKER_TOKEN: TOKEN,
  PACT_BROKER_HTTP_RETRIES: "0",
});
const lines = (text: string) => text.trimEnd().split("\n");

describe("twilio-testkit contracts create-environment", () => {
  it("posts the name and production flag to pb:environments, after which record-deployment and can-i-deploy accept it", async () => {
    broker = await startFakeBroker({ environments: [] });
    const out = await createEnvironment(["--name", "production", "--production"], envFor(broker.url));

    expect(out.code).toBe(0);
    expect(broker.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["GET /", "POST /environments"]);
    expect(JSON.parse(broker.requests[1]?.body ?? "{}")).toEqual({ name: "production", production: true });
    for (const request of broker.requests) expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(out.stdout).toMatch(/Created production environment in the Pact Broker with UUID /);
    expect(lines(out.stdout).at(-1)).toBe(`Created environment production in ${broker.url}`);

    const deployed = await run(
      [
        "contracts",
        "record-deployment",
        "--pacticipant",
        "conference-app",
        "--version",
        "1.2.3",
        "--environment",
        "production",
      ],
      { env: envFor(broker.url) },
    );
    expect(deployed.code).toBe(0);
    const asked = await run(
      [
        "contracts",
        "can-i-deploy",
        "--pacticipant",
        "conference-app",
        "--version",
        "1.2.3",
        "--to-environment",
        "production",
      ],
      { env: envFor(broker.url) },
    );
    expect(asked.code).toBe(0);
  });

  it("without --production creates a non-production environment", async () => {
    broker = await startFakeBroker({ environments: [] });
    const out = await createEnvironment(["--name", "test"], envFor(broker.url));
    expect(out.code).toBe(0);
    expect(JSON.parse(broker.requests.find((r) => r.method === "POST")?.body ?? "{}")).toEqual({
      name: "test",
      production: false,
    });
  });

  it("exits 0 saying there is nothing to do when the environment exists, so that CI can run it every time", async () => {
    broker = await startFakeBroker({ environments: ["production"] });
    const out = await createEnvironment(["--name", "production", "--production"], envFor(broker.url));
    expect(out.code).toBe(0);
    expect(out.stdout).toBe(`Environment production already exists in ${broker.url}; nothing to do\n`);
    expect(out.stderr).toBe("");
  });

  it("on 401 exits 2 with one line, the token redacted even when the broker echoes it", async () => {
    broker = await startFakeBroker({ failure: { path: /.*/, status: 401, body: { error: `bad token ${TOKEN}` } } });
    const out = await createEnvironment(["--name", "production"], envFor(broker.url));
    expect(out.code).toBe(2);
    expect(lines(out.stderr)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^twilio-testkit: Failed to create environment production in ${broker.url}: .*401 Unauthorized.*bad token \\*\\*\\*`,
        ),
      ),
    ]);
    expect(out.stdout + out.stderr).not.toContain(TOKEN);
  });

  it("with an unreachable broker exits 2 with one line", async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const out = await createEnvironment(["--name", "production"], envFor(url));
    expect(out.code).toBe(2);
    expect(lines(out.stderr)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^twilio-testkit: Failed to create environment production in ${url}: .*Failed to access pact broker`,
        ),
      ),
    ]);
  });

  it("--help lists the flags, the environment, the exit status and examples", async () => {
    const out = await run(["contracts", "create-environment", "--help"]);
    expect(out.code).toBe(0);
    for (const text of [
      "--name <name>",
      "--production",
      "PACT_BROKER_BASE_URL",
      "Exit status: 0 created, or it exists already",
    ])
      expect(out.stdout).toContain(text);
    expect(out.stdout).toContain(
      "Examples:\n  twilio-testkit contracts create-environment --name production --production",
    );
  });
});
