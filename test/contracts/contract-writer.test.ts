import { PactV4 } from "@pact-foundation/pact";
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { contractWriter } from "../../src/contracts/contract-writer.js";
import { addTwilioInteraction, fetchConference, PROVIDER_NAME } from "../../src/contracts/interactions/index.js";
import { conferenceFactory } from "../../src/factories/index.js";

const conferences = [3, 1, 2].map((seed) => conferenceFactory.seed(seed).traits("in-progress").build());

function get(url: string, authorization: string): Promise<number> {
  return new Promise((resolve, reject) => {
    request(url, { headers: { authorization }, agent: false }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
    })
      .on("error", reject)
      .end();
  });
}

/** Descriptions out of order, and one repeated under the same provider state with other parameters. */
const DESCRIPTIONS = ["a request for conference b", "a request for conference a", "a request for conference b"];

/**
 * Runs one interaction on the PactV4 `pactFor` gives (PactV4 starts a fresh one after each run, written
 * or not); again, up to three times, when Pact's mock server answered the request yet reports it
 * missing (its race under load, pact-js#1835, which failed this file in some full runs).
 */
async function runInteraction(
  pactFor: () => PactV4,
  interaction: ReturnType<typeof fetchConference>,
  authorization: string,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await addTwilioInteraction(pactFor(), interaction).executeTest(async (mock) => {
        expect(await get(`${mock.url}${interaction.request.path}`, authorization)).toBe(200);
      });
      return;
    } catch (error) {
      if (attempt === 3 || !String(error).includes("was expected but not received")) throw error;
    }
  }
}

/** Runs one FetchConference interaction per conference, each on the PactV4 `pactFor` gives. */
async function runInteractions(pactFor: () => PactV4): Promise<void> {
  for (const [i, example] of conferences.entries()) {
    const interaction = fetchConference({ example, description: DESCRIPTIONS[i] ?? "" });
    const authorization = `Basic ${Buffer.from(`${example.account_sid}:your_auth_token`).toString("base64")}`;
    await runInteraction(pactFor, interaction, authorization);
  }
}

const made: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), "contract-writer-"));
  made.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("contractWriter", () => {
  it("writes, on commit, the very bytes one PactV4 would have written: Pact's order, and the last of two interactions under one description and state", async () => {
    const single = tempDir();
    const pact = new PactV4({ consumer: "writer-test", provider: PROVIDER_NAME, dir: single, logLevel: "error" });
    await runInteractions(() => pact);

    const dir = tempDir();
    const contract = contractWriter({ consumer: "writer-test", dir });
    await runInteractions(() => contract.pact());
    expect(readdirSync(dir).filter((name) => !name.startsWith("."))).toEqual([]);
    const { path, interactions, written: count, dropped } = await contract.commit();

    expect([interactions, count, dropped]).toEqual([2, 3, 0]);
    expect(path).toBe(join(dir, "writer-test-twilio-voice-api.json"));
    expect(readFileSync(path, "utf8")).toBe(readFileSync(join(single, "writer-test-twilio-voice-api.json"), "utf8"));
    expect(readdirSync(dir)).toEqual(["writer-test-twilio-voice-api.json"]);
    const written = JSON.parse(readFileSync(path, "utf8")) as {
      interactions: Array<{ description: string; providerStates: Array<{ params: { Sid: string } }> }>;
    };
    expect(written.interactions.map((i) => [i.description, i.providerStates[0]?.params.Sid])).toEqual([
      ["a request for conference a", conferences[1]!.sid],
      ["a request for conference b", conferences[2]!.sid],
    ]);
  });

  it("discard leaves the folder as it was", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "writer-test-twilio-voice-api.json"), "previous");
    const contract = contractWriter({ consumer: "writer-test", dir });
    await runInteractions(() => contract.pact());
    contract.discard();
    expect(readdirSync(dir)).toEqual(["writer-test-twilio-voice-api.json"]);
    expect(readFileSync(join(dir, "writer-test-twilio-voice-api.json"), "utf8")).toBe("previous");
  });

  it("commits nothing when no interaction was written, and leaves the folder as it was", async () => {
    const dir = tempDir();
    const contract = contractWriter({ consumer: "writer-test", dir });
    contract.pact();
    expect(await contract.commit()).toEqual({
      path: join(dir, "writer-test-twilio-voice-api.json"),
      interactions: 0,
      written: 0,
      dropped: 0,
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  it("merges into the contract on disk as Pact does: a second writer keeps the first one's interactions and replaces those of the same description and states", async () => {
    const dir = tempDir();
    const first = contractWriter({ consumer: "writer-test", dir });
    await runInteractions(() => first.pact());
    await first.commit();
    const second = contractWriter({ consumer: "writer-test", dir });
    const other = conferenceFactory.seed(9).traits("in-progress").build();
    const authorization = `Basic ${Buffer.from(`${other.account_sid}:your_auth_token`).toString("base64")}`;
    for (const description of ["a request for conference c", "a request for conference a"]) {
      await runInteraction(() => second.pact(), fetchConference({ example: other, description }), authorization);
    }
    const { path } = await second.commit();

    const written = JSON.parse(readFileSync(path, "utf8")) as {
      interactions: Array<{ description: string; providerStates: Array<{ params: { Sid: string } }> }>;
    };
    expect(written.interactions.map((i) => [i.description, i.providerStates[0]?.params.Sid])).toEqual([
      ["a request for conference a", other.sid],
      ["a request for conference b", conferences[2]!.sid],
      ["a request for conference c", other.sid],
    ]);
    expect(readdirSync(dir)).toEqual(["writer-test-twilio-voice-api.json"]);
  });

  it("writers of one contract in four processes committing at the same moment lose nothing", async () => {
    const dir = tempDir();
    const built = (bundle: string): string =>
      JSON.stringify(fileURLToPath(new URL(`../../dist/bundle/${bundle}`, import.meta.url)));
    const child = join(dir, "writer.mjs");
    // Each child writes three interactions (retrying Pact's mock-server race, pact-reference#535),
    // says it is ready, and commits when the test says go, so that the commits meet. The children load
    // the built kit (dist/bundle/, from `npm run build`) with Node alone: no transform of the sources in each.
    writeFileSync(
      child,
      `import { existsSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { setTimeout } from "node:timers/promises";
import { addTwilioInteraction, contractWriter, fetchConference } from ${built("contracts.js")};
import { conferenceFactory } from ${built("index.js")};
const [dir, n] = process.argv.slice(2);
const get = (url, authorization) => new Promise((resolve, reject) =>
  request(url, { headers: { authorization }, agent: false }, (r) => { r.resume(); r.on("end", () => resolve(r.statusCode)); }).on("error", reject).end());
const contract = contractWriter({ consumer: "writer-test", dir });
for (const i of [1, 2, 3]) {
  const example = conferenceFactory.seed(i).traits("in-progress").build();
  const interaction = fetchConference({ example, description: \`process \${n} interaction \${i}\` });
  const authorization = "Basic " + Buffer.from(example.account_sid + ":your_auth_token").toString("base64");
  for (let attempt = 1; ; attempt++) {
    try {
      await addTwilioInteraction(contract.pact(), interaction).executeTest(async (mock) => { await get(mock.url + interaction.request.path, authorization); });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}
writeFileSync(join(dir, \`ready-\${n}\`), "");
while (!existsSync(join(dir, "go"))) await setTimeout(2);
await contract.commit();
`,
    );
    const run = (n: number) =>
      new Promise<void>((resolve, reject) =>
        execFile(
          process.execPath,
          [child, dir, String(n)],
          { cwd: fileURLToPath(new URL("../..", import.meta.url)) },
          (error) => (error ? reject(error) : resolve()),
        ),
      );
    const writers = Promise.all([1, 2, 3, 4].map(run));
    while (readdirSync(dir).filter((name) => name.startsWith("ready-")).length < 4)
      await new Promise((resolve) => setTimeout(resolve, 10));
    writeFileSync(join(dir, "go"), "");
    await writers;

    const written = JSON.parse(readFileSync(join(dir, "writer-test-twilio-voice-api.json"), "utf8")) as {
      interactions: Array<{ description: string }>;
    };
    expect(written.interactions.map((i) => i.description)).toEqual(
      [1, 2, 3, 4].flatMap((n) => [1, 2, 3].map((i) => `process ${n} interaction ${i}`)),
    );
  });

  it("leaves a contract on disk that is not a Pact file as it was, and says so", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "writer-test-twilio-voice-api.json"), "{ not json");
    const contract = contractWriter({ consumer: "writer-test", dir });
    await runInteractions(() => contract.pact());
    await expect(contract.commit()).rejects.toThrow(
      /^Failed to read the contract .*writer-test-twilio-voice-api\.json: /,
    );
    expect(readdirSync(dir)).toEqual(["writer-test-twilio-voice-api.json"]);
    expect(readFileSync(join(dir, "writer-test-twilio-voice-api.json"), "utf8")).toBe("{ not json");
  });
});
