import { execFileSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { run } from "../_io.js";
import { closedPort, type FakeBroker, startFakeBroker } from "./_broker.js";

const TOKEN = "tok-51c0ffee-very-secret";

let cwd: string;
let broker: FakeBroker | undefined;

beforeEach(async () => {
  cwd = await mkdtemp(join(tmpdir(), "testkit-can-i-deploy-"));
});

afterEach(async () => {
  await broker?.close();
  broker = undefined;
  await rm(cwd, { recursive: true, force: true });
});

const canIDeploy = (args: string[], env: Record<string, string>) =>
  run(["contracts", "can-i-deploy", ...args], { env, cwd });
const FLAGS = ["--pacticipant", "conference-app", "--version", "1.2.3", "--to-environment", "production"];
/** Without retries the Pact CLI gives up on an unreachable broker at once (by default it backs off for about a minute). */
const envFor = (url: string) => ({
  PACT_BROKER_BASE_URL: url,
  PACT_BROKER_TOKEN: TOKEN,
  PACT_BROKER_HTTP_RETRIES: "0",
});
const lines = (text: string) => text.trimEnd().split("\n");
const matrixQueries = (b: FakeBroker) =>
  b.requests.filter((r) => r.path.startsWith("/matrix?")).map((r) => decodeURIComponent(r.path));

describe("twilio-testkit contracts can-i-deploy", () => {
  it("exits 0 when the broker says the version is deployable, asking /matrix for it and the environment", async () => {
    broker = await startFakeBroker();
    const out = await canIDeploy(FLAGS, envFor(broker.url));

    expect(out.code).toBe(0);
    expect(matrixQueries(broker)).toEqual([
      "/matrix?q[][pacticipant]=conference-app&q[][version]=1.2.3&latestby=cvpv&environment=production",
    ]);
    for (const request of broker.requests) expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(out.stdout).toContain("Computer says yes");
    expect(lines(out.stdout).at(-1)).toBe("conference-app version 1.2.3 can be deployed to production");
    expect(out.stderr).toBe("");
  });

  it("exits 1 when the broker says no, printing the Pact CLI's table and the broker's reason", async () => {
    broker = await startFakeBroker({ deployable: false });
    const out = await canIDeploy(FLAGS, envFor(broker.url));

    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(/CONSUMER .* PROVIDER/);
    expect(out.stdout).toContain(
      "The verification for the pact between conference-app (1.2.3) and twilio-voice-api (2.0.0) failed",
    );
    expect(lines(out.stdout).at(-1)).toBe("conference-app version 1.2.3 cannot be deployed to production");
    expect(out.stderr).toBe("");
  });

  it.each([
    [true, 0],
    [false, 1],
  ])("--json prints the broker's answer alone (deployable %s → exit %i)", async (deployable, code) => {
    broker = await startFakeBroker({ deployable });
    const out = await canIDeploy([...FLAGS, "--json"], envFor(broker.url));

    expect(out.code).toBe(code);
    expect(JSON.parse(out.stdout)).toMatchObject({ summary: { deployable } });
  });

  it("--latest --branch asks for the latest version on the branch", async () => {
    broker = await startFakeBroker();
    const out = await canIDeploy(
      ["--pacticipant", "conference-app", "--latest", "--branch", "main", "--to-environment", "test"],
      envFor(broker.url),
    );

    expect(out.code).toBe(0);
    expect(matrixQueries(broker)).toEqual([
      "/matrix?q[][pacticipant]=conference-app&q[][latest]=true&q[][branch]=main&latestby=cvpv&environment=test",
    ]);
    expect(lines(out.stdout).at(-1)).toBe("conference-app latest version on main can be deployed to test");
  });

  it("checks the git commit when no --version is given", async () => {
    const git = (...args: string[]) =>
      execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], {
        cwd,
        encoding: "utf8",
      }).trim();
    git("init", "-q", "-b", "main");
    git("commit", "-q", "--allow-empty", "-m", "init");
    broker = await startFakeBroker();
    const out = await canIDeploy(
      ["--pacticipant", "conference-app", "--to-environment", "production"],
      envFor(broker.url),
    );

    expect(out.code).toBe(0);
    expect(matrixQueries(broker)[0]).toContain(`q[][version]=${git("rev-parse", "HEAD")}&`);
  });

  it("without PACT_BROKER_BASE_URL exits 2 with one line saying what to set", async () => {
    const out = await canIDeploy(FLAGS, { PACT_BROKER_TOKEN: TOKEN });
    expect(out.code).toBe(2);
    expect(lines(out.stderr)).toEqual([
      expect.stringMatching(
        /^twilio-testkit: Failed to check can-i-deploy: set PACT_BROKER_BASE_URL to the Pact Broker's URL/,
      ),
    ]);
    expect(out.stdout + out.stderr).not.toContain(TOKEN);
  });

  it("on 401 exits 2 with one line, the token redacted even when the broker echoes it", async () => {
    broker = await startFakeBroker({
      failure: { path: "/matrix", status: 401, body: { error: `bad token ${TOKEN}` } },
    });
    const out = await canIDeploy(FLAGS, envFor(broker.url));

    expect(out.code).toBe(2);
    expect(lines(out.stderr)).toEqual([
      expect.stringMatching(
        /^twilio-testkit: Failed to check can-i-deploy for conference-app: .*401 Unauthorized.*bad token \*\*\*/,
      ),
    ]);
    expect(out.stdout).toBe("");
    expect(out.stdout + out.stderr).not.toContain(TOKEN);
  });

  it("with an unreachable broker exits 2 with one line, at once", async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const started = Date.now();
    const out = await canIDeploy(FLAGS, envFor(url));

    expect(out.code).toBe(2);
    expect(lines(out.stderr)).toEqual([
      expect.stringMatching(
        /^twilio-testkit: Failed to check can-i-deploy for conference-app: .*Failed to access pact broker/,
      ),
    ]);
    expect(out.stdout + out.stderr).not.toContain(TOKEN);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it.each([
    [
      "both --version and --latest",
      ["--pacticipant", "a", "--version", "1", "--latest", "--to-environment", "test"],
      "Failed to check can-i-deploy: pass --version or --latest, not both",
    ],
    [
      "a value that reads as a flag",
      ["--pacticipant", "-x", "--version", "1", "--to-environment", "test"],
      'Failed to check can-i-deploy: --pacticipant "-x" must not start with "-"',
    ],
    [
      "an empty environment",
      ["--pacticipant", "a", "--version", "1", "--to-environment", " "],
      "Failed to check can-i-deploy: --to-environment needs a value",
    ],
    [
      "no --version outside git",
      ["--pacticipant", "a", "--to-environment", "test"],
      "Failed to check can-i-deploy: pass --version <version> or --latest (no git commit found)",
    ],
  ])("with %s exits 2 with one line", async (_case, args, message) => {
    const out = await canIDeploy(args, envFor("http://127.0.0.1:9"));
    expect(out.code).toBe(2);
    expect(out.stderr).toBe(`twilio-testkit: ${message}\n`);
  });

  it("without --to-environment exits 2 naming the option", async () => {
    const out = await canIDeploy(["--pacticipant", "conference-app"], envFor("http://127.0.0.1:9"));
    expect(out.code).toBe(2);
    expect(out.stderr).toContain("--to-environment <environment>");
  });

  it("exits 2, not 1, when the broker knows no such version: there was nothing to decide", async () => {
    broker = await startFakeBroker({ versions: ["1.0.0"] });
    for (const json of [[], ["--json"]]) {
      const out = await canIDeploy([...FLAGS, ...json], envFor(broker.url));
      expect(out.code).toBe(2);
      expect(out.stdout).toBe("");
      expect(out.stderr).toBe(
        `twilio-testkit: Failed to check can-i-deploy for conference-app: the broker at ${broker.url} does not know that version (No pacts or verifications have been published for version 1.2.3 of conference-app); publish its pacts or verification results first\n`,
      );
    }
  });

  it("exits 2 for an environment the broker does not know, saying how to create it", async () => {
    broker = await startFakeBroker({ environments: ["test"] });
    const out = await canIDeploy(FLAGS, envFor(broker.url));
    expect(out.code).toBe(2);
    expect(lines(out.stderr)).toEqual([
      "twilio-testkit: Failed to check can-i-deploy for conference-app: Environment with name 'production' does not exist (create it with: twilio-testkit contracts create-environment --name production)",
    ]);
  });

  it("--help lists the flags, the environment, the exit status and examples", async () => {
    const out = await run(["contracts", "can-i-deploy", "--help"]);
    expect(out.code).toBe(0);
    for (const flag of [
      "--pacticipant <name>",
      "--version <version>",
      "--latest",
      "--branch <branch>",
      "--to-environment <environment>",
      "--json",
    ])
      expect(out.stdout).toContain(flag);
    expect(out.stdout).toContain("PACT_BROKER_BASE_URL");
    expect(out.stdout).toContain(
      "Exit status: 0 deployable, 1 the broker says no (its table says why), 2 the question cannot be asked",
    );
    expect(out.stdout).toContain("Examples:\n  twilio-testkit contracts can-i-deploy");
  });
});
