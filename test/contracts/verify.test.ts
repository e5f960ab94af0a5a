import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startFakeTwilio, type FakeTwilio } from "../../src/fake-twilio/index.js";
import { run } from "../_io.js";
import { closedPort, readPacts, startFakeBroker, type FakeBroker } from "./_broker.js";

// `contracts verify`: the official Pact Verifier replays the repo's contracts against the fake Twilio.
const REPO = new URL("../..", import.meta.url).pathname;
const CONTRACTS = join(REPO, "contracts");
const TOKEN = "tok-verify-secret";
/** The shipped binary, as package.json `bin` names it (built by `npm run build`). */
const BIN = join(
  REPO,
  (JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { bin: Record<string, string> }).bin[
    "twilio-testkit"
  ] ?? "",
);

type Json = Record<string, any>;

/** A working folder whose `contracts/` holds a copy of one repo contract, changed by `edit`. */
function contractCopy(file: string, edit: (pact: Json) => void): string {
  const cwd = mkdtempSync(join(tmpdir(), "verify-test-"));
  const pact = JSON.parse(readFileSync(join(CONTRACTS, file), "utf8")) as Json;
  edit(pact);
  mkdirSync(join(cwd, "contracts"));
  writeFileSync(join(cwd, "contracts", file), JSON.stringify(pact));
  return cwd;
}

let broker: FakeBroker | undefined;
let fake: FakeTwilio | undefined;
afterEach(async () => {
  await broker?.close();
  await fake?.close();
  broker = undefined;
  fake = undefined;
});

describe("twilio-testkit contracts verify", () => {
  it("verifies every contract in the repo against a fake Twilio started for the run", async () => {
    const { code, stdout, stderr } = await run(["contracts", "verify"], { cwd: REPO });
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^Verified 3 pact files from contracts against http:\/\/127\.0\.0\.1:\d+\nVerified 1 callback pact files from contracts against the kit's callback producer\n$/,
    );
  });

  it("verifies against a running fake Twilio given by --provider-base-url", async () => {
    fake = await startFakeTwilio({ seed: 3 });
    const { code, stdout } = await run(["contracts", "verify", "contracts", "--provider-base-url", fake.url], {
      cwd: REPO,
    });
    expect(code).toBe(0);
    expect(stdout).toBe(
      `Verified 3 pact files from contracts against ${fake.url}\nVerified 1 callback pact files from contracts against the kit's callback producer\n`,
    );
  });

  it("exits 1 naming the interaction the provider does not honour", async () => {
    const cwd = contractCopy("conference-dashboard-twilio-voice-api.json", (pact) => {
      const fetch = pact.interactions.find((i: Json) => i.description === "a request for a conference");
      fetch.response.body.content.status = "init";
      fetch.response.matchingRules.body["$.status"] = { combine: "AND", matchers: [{ match: "equality" }] };
    });
    const { code, stderr } = await run(["contracts", "verify"], { cwd });
    expect(code).toBe(1);
    expect(stderr.trim().split("\n")).toEqual([
      expect.stringMatching(
        /^twilio-testkit: Failed to verify contracts against http:\/\/127\.0\.0\.1:\d+: 1 of 8 interactions failed: conference-dashboard and twilio-voice-api Given a conference exists - a request for a conference \(the Verifier's report above says why\)$/,
      ),
    ]);
  });

  it("refuses, before running, a contract whose provider state has no handler", async () => {
    const cwd = contractCopy("conference-app-twilio-voice-api.json", (pact) => {
      pact.interactions[0].providerStates[0].name = "a conference is on fire";
    });
    const { code, stderr, stdout } = await run(["contracts", "verify"], { cwd });
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(
      /^twilio-testkit: Failed to verify contracts\/conference-app-twilio-voice-api\.json: no state handler for provider state "a conference is on fire"; the provider states are: a conference exists; /,
    );
  });

  it.each([
    [["contracts", "verify", "nope"], /Failed to read contracts directory nope: no such directory/],
    [["contracts", "verify", "--provider-base-url", "not a url"], /--provider-base-url "not a url" is not a URL/],
    [["contracts", "verify", "--seed", "x"], /Failed to read --seed: "x" is not a whole number/],
    [
      ["contracts", "verify", "--publish-verification-results"],
      /Failed to publish verification results: set PACT_BROKER_BASE_URL/,
    ],
    [["contracts", "verify", "--branch", "main"], /--branch goes with --publish-verification-results/],
    [
      ["contracts", "verify", "--provider-app-version", "1"],
      /--provider-app-version goes with --publish-verification-results/,
    ],
    [
      ["contracts", "verify", "contracts", "--publish-verification-results"],
      /DIR goes without --publish-verification-results/,
    ],
    [
      ["contracts", "verify", "--seed", "1", "--provider-base-url", "http://127.0.0.1:1"],
      /--seed seeds the fake Twilio started for the run/,
    ],
  ])("%j exits 2 with one clear line", async (argv, message) => {
    const { code, stderr } = await run(argv, { cwd: REPO });
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.trim().split("\n")).toHaveLength(1);
  });

  it("shows the fake's message when it refuses a provider state, not only the Verifier's status code", async () => {
    const cwd = contractCopy("conference-app-twilio-voice-api.json", (pact) => {
      delete pact.interactions[0].providerStates[0].params.ConferenceSid;
    });
    const { code, stderr } = await run(["contracts", "verify"], { cwd });
    expect(code).toBe(1);
    expect(stderr.trim().split("\n")).toEqual([
      expect.stringMatching(
        /^twilio-testkit: Failed to verify contracts against http:\/\/127\.0\.0\.1:\d+: 1 of \d+ interactions failed: conference-app and twilio-voice-api Given a conference has participants - .* \(the provider's state change answered: Failed to set up provider state "a conference has participants": .*ConferenceSid.*\)$/,
      ),
    ]);
  });

  it("refuses a --provider-base-url with credentials before anything runs, never showing the password", async () => {
    fake = await startFakeTwilio({ seed: 3 });
    const withPassword = fake.url.replace("://", "://user:pw-provider-secret@");
    const refused = await run(["contracts", "verify", "contracts", "--provider-base-url", withPassword], { cwd: REPO });
    expect(refused).toEqual({
      code: 2,
      stdout: "",
      stderr: `twilio-testkit: Failed to verify contracts: --provider-base-url "${fake.url.replace("://", "://user:***@")}" holds credentials; give it without them (each interaction carries its own Authorization header, and the Verifier's report would show them)\n`,
    });
  });

  it("verifies only DIR when PACT_BROKER_* are exported for publish (pact-core would add the broker's pacts), never printing them", async () => {
    broker = await startFakeBroker({ pacts: await readPacts(CONTRACTS) });
    const env = {
      PATH: process.env.PATH ?? "",
      PACT_BROKER_BASE_URL: broker.url.replace("://", "://ci:pw-exported-secret@"),
      PACT_BROKER_TOKEN: TOKEN,
    };
    const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((done) =>
      execFile(process.execPath, [BIN, "contracts", "verify"], { cwd: REPO, env }, (error, stdout, stderr) =>
        done({ code: error ? Number(error.code) : 0, stdout, stderr }),
      ),
    );
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(stdout).toMatch(
      /Verified 3 pact files from contracts against http:\/\/127\.0\.0\.1:\d+\nVerified 1 callback pact files from contracts against the kit's callback producer\n$/,
    );
    expect(broker.requests).toEqual([]);
    expect(stdout).not.toMatch(/pw-exported-secret|tok-verify-secret/);
  });

  it("exits 2 when the provider is unreachable", async () => {
    const { code, stderr } = await run(
      ["contracts", "verify", "--provider-base-url", `http://127.0.0.1:${await closedPort()}`],
      { cwd: REPO },
    );
    expect(code).toBe(2);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/^twilio-testkit: Failed to verify contracts against http:\/\/127\.0\.0\.1:\d+: /);
  });
});

describe("contracts verify --publish-verification-results, against a local server that answers like a Pact Broker", () => {
  const env = (url: string) => ({ PACT_BROKER_BASE_URL: url, PACT_BROKER_TOKEN: TOKEN });

  it("verifies the broker's pacts and publishes a successful result per pact, with provider version and branch", async () => {
    broker = await startFakeBroker({ pacts: await readPacts(CONTRACTS) });
    const argv = [
      "contracts",
      "verify",
      "--publish-verification-results",
      "--provider-app-version",
      "4.5.6",
      "--branch",
      "main",
    ];
    const { code, stdout, stderr } = await run(argv, { cwd: REPO, env: env(broker.url) });

    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain(`Published the results to ${broker.url} as provider version 4.5.6 on branch main\n`);
    expect(
      broker
        .verifications()
        .map((v) => [v.consumer, v.success, v.providerApplicationVersion, v.branch])
        .sort(),
    ).toEqual([
      ["call-orchestrator", true, "4.5.6", "main"],
      ["conference-app", true, "4.5.6", "main"],
      ["conference-dashboard", true, "4.5.6", "main"],
    ]);
    const selection = broker.requests.find((r) => r.method === "POST" && r.path.endsWith("/for-verification"));
    expect(JSON.parse(selection?.body ?? "{}")).toMatchObject({
      consumerVersionSelectors: [{ mainBranch: true }, { matchingBranch: true }, { deployedOrReleased: true }],
      providerVersionBranch: "main",
    });
    for (const request of broker.requests) expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(stdout + stderr).not.toContain(TOKEN);
  });

  it("publishes a failed result with the mismatch when the provider does not honour a pact, and exits 1", async () => {
    const [pact] = await readPacts(
      join(
        contractCopy("conference-app-twilio-voice-api.json", (p) => (p.interactions[0].response.status = 202)),
        "contracts",
      ),
    );
    broker = await startFakeBroker({ pacts: [pact!] });
    const { code } = await run(
      ["contracts", "verify", "--publish-verification-results", "--provider-app-version", "4.5.7", "--branch", "main"],
      { cwd: REPO, env: env(broker.url) },
    );

    expect(code).toBe(1);
    const [result] = broker.verifications();
    expect(result).toMatchObject({
      consumer: "conference-app",
      success: false,
      providerApplicationVersion: "4.5.7",
      branch: "main",
    });
    expect(JSON.stringify(result?.body.testResults)).toMatch(/expected 202 but was 20[01]/);
  });

  it("reports a failed pending pact as such, publishes it as failed, and exits 0", async () => {
    const [pact] = await readPacts(
      join(
        contractCopy("conference-app-twilio-voice-api.json", (p) => (p.interactions[0].response.status = 202)),
        "contracts",
      ),
    );
    broker = await startFakeBroker({ pacts: [pact!], pending: true });
    const { code, stdout, stderr } = await run(
      ["contracts", "verify", "--publish-verification-results", "--provider-app-version", "4.5.8", "--branch", "main"],
      { cwd: REPO, env: env(broker.url) },
    );

    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(stdout).toBe(
      `1 pending pact failed (conference-app: 1 interaction); results published as failed; exit 0 because pending\nPublished the results to ${broker.url} as provider version 4.5.8 on branch main\n`,
    );
    expect(broker.verifications()).toMatchObject([
      { consumer: "conference-app", success: false, providerApplicationVersion: "4.5.8" },
    ]);
  });

  it("names the broker, not the fake provider, when the broker is down", async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const { code, stderr } = await run(
      ["contracts", "verify", "--publish-verification-results", "--provider-app-version", "1", "--branch", "main"],
      { cwd: REPO, env: { ...env(url) } },
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(
      new RegExp(
        `^twilio-testkit: Failed to fetch the pacts to verify from the Pact Broker at ${url}: Failed to access pact broker path '' - error sending request for url \\(${url}/\\)\n$`,
      ),
    );
  });

  it("exits 2 when the broker refuses the results, though verification passed", async () => {
    broker = await startFakeBroker({
      pacts: await readPacts(CONTRACTS),
      failure: { method: "POST", path: /\/verification-results$/, status: 409, body: { errors: ["conflict"] } },
    });
    const { code, stdout, stderr } = await run(
      ["contracts", "verify", "--publish-verification-results", "--provider-app-version", "1", "--branch", "main"],
      { cwd: REPO, env: env(broker.url) },
    );
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(
      new RegExp(
        `^twilio-testkit: Failed to publish verification results to the Pact Broker at ${broker.url} \\(verification passed\\): Request to pact broker path '/pacts/provider/twilio-voice-api/consumer/[^']+/verification-results' failed: 409 Conflict\n$`,
      ),
    );
  });

  it("exits 1 naming the failed interaction, and says that publishing the results failed too", async () => {
    const [pact] = await readPacts(
      join(
        contractCopy("conference-app-twilio-voice-api.json", (p) => (p.interactions[0].response.status = 202)),
        "contracts",
      ),
    );
    broker = await startFakeBroker({
      pacts: [pact!],
      failure: {
        method: "POST",
        path: /\/verification-results$/,
        status: 500,
        body: { error: "down for maintenance" },
      },
    });
    const { code, stderr } = await run(
      ["contracts", "verify", "--publish-verification-results", "--provider-app-version", "1", "--branch", "main"],
      { cwd: REPO, env: env(broker.url) },
    );
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^twilio-testkit: Failed to verify contracts against http:\/\/127\.0\.0\.1:\d+: 1 of \d+ interactions failed: conference-app .*; publishing the results failed too: Request to pact broker path '[^']+\/verification-results' failed: 500 Internal Server Error\n$/,
    );
  });

  it("exits 2 with one line, the token never printed, when the broker refuses the credentials", async () => {
    broker = await startFakeBroker({
      pacts: await readPacts(CONTRACTS),
      failure: { path: /for-verification/, status: 401, body: { error: `bad token ${TOKEN}` } },
    });
    const { code, stdout, stderr } = await run(
      ["contracts", "verify", "--publish-verification-results", "--provider-app-version", "1", "--branch", "main"],
      { cwd: REPO, env: env(broker.url) },
    );
    expect(code).toBe(2);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stdout + stderr).not.toContain(TOKEN);
    expect(broker.verifications()).toEqual([]);
  });
});
