import { PactV4 } from "@pact-foundation/pact";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { contractWriter } from "../../src/contracts/contract-writer.js";
import { addTwilioInteraction, fetchConference, PROVIDER_NAME } from "../../src/contracts/interactions/index.js";
import { TestkitError } from "../../src/errors.js";
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

/** Runs one FetchConference interaction per conference, each on the PactV4 `pactFor` gives. */
async function runInteractions(pactFor: () => PactV4): Promise<void> {
  for (const [i, example] of conferences.entries()) {
    const interaction = fetchConference({ example, description: DESCRIPTIONS[i] ?? "" });
    const authorization = `Basic ${Buffer.from(`${example.account_sid}:your_auth_token`).toString("base64")}`;
    await addTwilioInteraction(pactFor(), interaction).executeTest(async (mock) => {
      expect(await get(`${mock.url}${interaction.request.path}`, authorization)).toBe(200);
    });
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
    const path = contract.commit();

    expect(path).toBe(join(dir, "writer-test-twilio-voice-api.json"));
    expect(readFileSync(path, "utf8")).toBe(readFileSync(join(single, "writer-test-twilio-voice-api.json"), "utf8"));
    expect(readdirSync(dir)).toEqual(["writer-test-twilio-voice-api.json"]);
    const written = JSON.parse(readFileSync(path, "utf8")) as { interactions: Array<{ description: string; providerStates: Array<{ params: { Sid: string } }> }> };
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

  it("refuses to commit a contract without interactions, and leaves the folder as it was", () => {
    const dir = tempDir();
    const contract = contractWriter({ consumer: "writer-test", dir });
    contract.pact();
    expect(() => contract.commit()).toThrow(new TestkitError("IO", "Failed to write writer-test-twilio-voice-api.json: no interaction was written"));
    expect(readdirSync(dir)).toEqual([]);
  });

});
