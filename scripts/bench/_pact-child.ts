// internal: the Pact consumer side in a process of its own (Pact's native core stays out of the runner); see pact.ts.
import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { loadContracts, loadKit } from "./_kit.js";
import { answerRequests } from "./_process.js";

/** A request: one consumer test file's worth of `interactions` FetchConference interactions. */
export interface PactRequest {
  readonly interactions: number;
}

/** The answer: milliseconds for the whole file, the part spent in the kit (examples, builders, addTwilioInteraction), and how many interactions had to run again. */
export interface PactAnswer {
  readonly ms: number;
  readonly kitMs: number;
  readonly retries: number;
}

/** Pact's mock server sometimes answers a request and then reports it "expected but not received" (pact-reference#535, under CPU load). */
const isPactRace = (error: unknown): boolean => String(error).includes("expected but not received");

const { conferenceFactory } = await loadKit();
const { addTwilioInteraction, contractWriter, fetchConference } = await loadContracts();

/** GETs `url` on a connection of its own (each mock server is new, often on a port an earlier one had) and resolves with the status once the body is read. */
function get(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    request(url, { headers, agent: false }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
    })
      .on("error", reject)
      .end();
  });
}

/**
 * What a consumer test pays for `count` interactions, from a new contract writer to the contract on
 * disk: per interaction, build the example (seeded factory), build the interaction (contract builder:
 * request checked against the request schemas, response matchers from the schemas), add it to a
 * PactV4 of the writer's, and `executeTest` it — Pact's mock server starts, the test sends the
 * request (node:http), the mock server checks it, Pact writes that interaction's file; then the
 * writer merges the files into the contract (`commit`). An interaction that meets Pact's race
 * (see {@link isPactRace}) runs again, and that time counts too.
 */
async function consumerRun(count: number): Promise<PactAnswer> {
  const dir = mkdtempSync(join(tmpdir(), "bench-pact-"));
  try {
    let kitMs = 0;
    let retries = 0;
    const start = performance.now();
    const contract = contractWriter({ consumer: "bench-consumer", dir });
    for (let i = 0; i < count; i++) {
      const kitStart = performance.now();
      const example = conferenceFactory.seed(i).traits("in-progress").build();
      const interaction = fetchConference({ example, description: `a request for conference ${i}` });
      kitMs += performance.now() - kitStart;
      const credential = Buffer.from(`${example.account_sid}:your_auth_token`).toString("base64");
      for (;;) {
        const addStart = performance.now();
        const added = addTwilioInteraction(contract.pact(), interaction);
        kitMs += performance.now() - addStart;
        try {
          await added.executeTest(async (mockServer) => {
            const status = await get(`${mockServer.url}${interaction.request.path}`, {
              Authorization: `Basic ${credential}`,
            });
            if (status !== 200) throw new Error(`Failed to fetch the conference from Pact's mock server: ${status}`);
          });
          break;
        } catch (error) {
          if (!isPactRace(error) || ++retries > count) throw error;
        }
      }
    }
    const commitStart = performance.now();
    await contract.commit();
    kitMs += performance.now() - commitStart;
    return { ms: performance.now() - start, kitMs, retries };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

answerRequests(({ interactions }: PactRequest) => consumerRun(interactions));
