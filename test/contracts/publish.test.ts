import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { run } from "../_io.js";
import { closedPort, type FakeBroker, startFakeBroker } from "./_broker.js";

const TOKEN = "tok-3f9c1e-very-secret";
const PASSWORD = "pw-8d2a-very-secret";

/** A small Pact V4 file, as the consumer tests write them. */
const PACT = {
  consumer: { name: "conference-app" },
  provider: { name: "twilio-voice-api" },
  interactions: [
    {
      type: "Synchronous/HTTP",
      description: "a request to list participants",
      providerStates: [{ name: "a conference with participants" }],
      request: { method: "GET", path: "/2010-04-01/Accounts/AC123/Conferences/CF123/Participants.json" },
      response: {
        status: 200,
        headers: { "Content-Type": ["application/json"] },
        body: { content: { participants: [] }, contentType: "application/json", encoded: false },
      },
    },
  ],
  metadata: { pactSpecification: { version: "4.0" } },
};

interface PublishBody {
  pacticipantName: string;
  pacticipantVersionNumber: string;
  branch: string;
  contracts: Array<{
    consumerName: string;
    providerName: string;
    specification: string;
    contentType: string;
    content: string;
  }>;
}

let cwd: string;
let broker: FakeBroker | undefined;

beforeEach(async () => {
  cwd = await mkdtemp(join(tmpdir(), "testkit-publish-"));
  await mkdir(join(cwd, "contracts"));
  await writeFile(join(cwd, "contracts", "conference-app-twilio-voice-api.json"), JSON.stringify(PACT, null, 2));
  await writeFile(join(cwd, "contracts", "README.md"), "not a pact\n");
});

afterEach(async () => {
  await broker?.close();
  broker = undefined;
  await rm(cwd, { recursive: true, force: true });
});

const FLAGS = ["--consumer-app-version", "1.2.3", "--branch", "main"];
const publish = (args: string[], env: Record<string, string>) => run(["contracts", "publish", ...args], { env, cwd });
const lines = (text: string) => text.trimEnd().split("\n");

function publication(b: FakeBroker): PublishBody {
  const post = b.requests.find((r) => r.method === "POST");
  if (!post) throw new Error("the Pact CLI posted nothing");
  return JSON.parse(post.body) as PublishBody;
}

describe("twilio-testkit contracts publish", () => {
  it("posts the pact, version and branch to pb:publish-contracts with a bearer token, and never prints the token", async () => {
    broker = await startFakeBroker();
    const out = await publish(FLAGS, { PACT_BROKER_BASE_URL: broker.url, PACT_BROKER_TOKEN: TOKEN });

    expect(out.code).toBe(0);
    expect(broker.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["GET /", "POST /contracts/publish"]);
    for (const request of broker.requests) expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
    const body = publication(broker);
    expect(body).toMatchObject({
      pacticipantName: "conference-app",
      pacticipantVersionNumber: "1.2.3",
      branch: "main",
    });
    expect(body.contracts).toHaveLength(1);
    const [contract] = body.contracts;
    expect(contract).toMatchObject({
      consumerName: "conference-app",
      providerName: "twilio-voice-api",
      specification: "pact",
      contentType: "application/json",
    });
    const sent = JSON.parse(Buffer.from(contract?.content ?? "", "base64").toString("utf8"));
    expect(sent).toMatchObject({
      consumer: PACT.consumer,
      provider: PACT.provider,
      interactions: [PACT.interactions[0]],
    });
    expect(out.stdout).toContain(
      `Published 1 pact file from contracts to ${broker.url} as version 1.2.3 on branch main`,
    );
    expect(out.stdout + out.stderr).not.toContain(TOKEN);
  });

  it("sends Basic credentials from PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD, and never prints the password", async () => {
    broker = await startFakeBroker();
    const out = await publish(["contracts", ...FLAGS], {
      PACT_BROKER_BASE_URL: broker.url,
      PACT_BROKER_USERNAME: "ci",
      PACT_BROKER_PASSWORD: PASSWORD,
    });

    expect(out.code).toBe(0);
    const basic = `Basic ${Buffer.from(`ci:${PASSWORD}`).toString("base64")}`;
    for (const request of broker.requests) expect(request.headers.authorization).toBe(basic);
    expect(out.stdout + out.stderr).not.toContain(PASSWORD);
  });

  it("takes the version and branch from git when no flag gives them", async () => {
    const git = (...args: string[]) =>
      execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], {
        cwd,
        encoding: "utf8",
      }).trim();
    git("init", "-q", "-b", "feature/publish");
    git("commit", "-q", "--allow-empty", "-m", "init");
    broker = await startFakeBroker();
    const out = await publish([], { PACT_BROKER_BASE_URL: broker.url, PACT_BROKER_TOKEN: TOKEN });

    expect(out.code).toBe(0);
    expect(publication(broker)).toMatchObject({
      pacticipantVersionNumber: git("rev-parse", "HEAD"),
      branch: "feature/publish",
    });
  });

  it("outside git without --consumer-app-version exits 2 naming the flag", async () => {
    const out = await publish(["--branch", "main"], { PACT_BROKER_BASE_URL: "http://127.0.0.1:9" });
    expect(out.code).toBe(2);
    expect(out.stderr).toBe(
      "twilio-testkit: Failed to find the consumer version: pass --consumer-app-version <version> (no git commit found)\n",
    );
  });

  it("without PACT_BROKER_BASE_URL exits 2 with one line naming the variable", async () => {
    const out = await publish(FLAGS, { PACT_BROKER_TOKEN: TOKEN });
    expect(out.code).toBe(2);
    expect(lines(out.stderr)).toHaveLength(1);
    expect(out.stderr).toMatch(/^twilio-testkit: Failed to publish contracts: set PACT_BROKER_BASE_URL /);
    expect(out.stdout + out.stderr).not.toContain(TOKEN);
  });

  it("with an unreachable broker exits 2 with one line carrying the Pact CLI's error", async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const out = await publish(FLAGS, {
      PACT_BROKER_BASE_URL: url,
      PACT_BROKER_TOKEN: TOKEN,
      PACT_BROKER_HTTP_RETRIES: "0",
    });
    expect(out.code).toBe(2);
    expect(lines(out.stderr)).toEqual([
      expect.stringMatching(
        new RegExp(`^twilio-testkit: Failed to publish contracts to ${url}: Failed to access pact broker`),
      ),
    ]);
    expect(out.stderr).not.toMatch(/\n\s+at /);
    expect(out.stdout + out.stderr).not.toContain(TOKEN);
  });

  it("on 401 exits 2 with the broker's answer, the token redacted even when the broker echoes it", async () => {
    broker = await startFakeBroker({ failure: { path: "/", status: 401, body: { error: `bad token ${TOKEN}` } } });
    const out = await publish(FLAGS, { PACT_BROKER_BASE_URL: broker.url, PACT_BROKER_TOKEN: TOKEN });
    expect(out.code).toBe(2);
    expect(lines(out.stderr)).toHaveLength(1);
    expect(out.stderr).toContain("401 Unauthorized");
    expect(out.stderr).toContain("bad token ***");
    expect(out.stdout + out.stderr).not.toContain(TOKEN);
  });

  it("on 409 exits 2 with the broker's reason on the same line", async () => {
    // Pact Broker 2.x's answer when a version's pact content changes (PublishContracts#set_conflict_response).
    const reason =
      "Cannot change the content of the pact for conference-app version 1.2.3 and provider twilio-voice-api, as race conditions will cause unreliable results for can-i-deploy. Each pact must be published with a unique consumer version number.";
    broker = await startFakeBroker({
      failure: {
        path: "/contracts/publish",
        status: 409,
        body: { notices: [{ type: "error", text: reason }], errors: { contracts: [reason] } },
      },
    });
    const out = await publish(FLAGS, { PACT_BROKER_BASE_URL: broker.url, PACT_BROKER_TOKEN: TOKEN });
    expect(out.code).toBe(2);
    expect(out.stderr).toBe(
      `twilio-testkit: Failed to publish contracts to ${broker.url}: Pact publication failed: contracts: ${reason}\n`,
    );
  });

  it("takes credentials out of PACT_BROKER_BASE_URL: sent as Basic auth, the URL shown without them", async () => {
    broker = await startFakeBroker();
    const url = broker.url.replace("://", `://ci:${encodeURIComponent(`p@${PASSWORD}`)}@`);
    const out = await publish(FLAGS, { PACT_BROKER_BASE_URL: url });

    expect(out.code).toBe(0);
    for (const request of broker.requests)
      expect(request.headers.authorization).toBe(`Basic ${Buffer.from(`ci:p@${PASSWORD}`).toString("base64")}`);
    expect(lines(out.stdout).at(-1)).toBe(
      `Published 1 pact file from contracts to ${broker.url} as version 1.2.3 on branch main`,
    );
    expect(out.stdout + out.stderr).not.toContain(PASSWORD);
  });

  it("refuses credentials both in PACT_BROKER_BASE_URL and in PACT_BROKER_USERNAME / PACT_BROKER_PASSWORD", async () => {
    const out = await publish(FLAGS, {
      PACT_BROKER_BASE_URL: `http://ci:${PASSWORD}@127.0.0.1:9`,
      PACT_BROKER_USERNAME: "ci",
      PACT_BROKER_PASSWORD: PASSWORD,
    });
    expect(out.code).toBe(2);
    expect(out.stderr).toBe(
      "twilio-testkit: Failed to publish contracts: PACT_BROKER_BASE_URL holds credentials and PACT_BROKER_USERNAME / PACT_BROKER_PASSWORD are set too; keep one of them\n",
    );
  });

  it.each([
    [
      "a missing directory",
      ["no-such-dir"],
      "twilio-testkit: Failed to read contracts directory no-such-dir: no such directory\n",
    ],
    [
      "a file, not a directory",
      ["contracts/README.md"],
      "twilio-testkit: Failed to read contracts directory contracts/README.md: not a directory\n",
    ],
    [
      "a directory without *.json",
      ["."],
      "twilio-testkit: Failed to read contracts directory .: it holds no *.json pact files\n",
    ],
  ])("with %s exits 2 with one line", async (_case, args, message) => {
    const out = await publish([...args, ...FLAGS], {
      PACT_BROKER_BASE_URL: "http://127.0.0.1:9",
      PACT_BROKER_TOKEN: TOKEN,
    });
    expect(out.code).toBe(2);
    expect(out.stderr).toBe(message);
  });

  it("--help lists the flags, the environment and examples", async () => {
    const out = await run(["contracts", "publish", "--help"]);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain("--consumer-app-version <version>");
    expect(out.stdout).toContain("PACT_BROKER_BASE_URL");
    expect(out.stdout).toContain("Examples:\n  twilio-testkit contracts publish");
  });
});
