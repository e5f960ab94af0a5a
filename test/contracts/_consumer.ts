import { PactV4, type V3MockServer } from "@pact-foundation/pact";
import { fileURLToPath } from "node:url";
import twilio from "twilio";
import { afterAll, beforeAll } from "vitest";
import { PROVIDER_NAME } from "../../src/contracts/interactions/states.js";
import { stageDirectory, type StagingDirectory } from "../../src/contracts/staging.js";

const CONTRACTS_DIR = fileURLToPath(new URL("../../contracts/", import.meta.url));

/**
 * Sets up a consumer's PactV4 for the current test file. Pact writes into a staging folder; the
 * contract moves into contracts/ only when every test of the file passed, so a failed or partial run
 * leaves the previous contract as it was.
 *
 * @returns a getter for the PactV4 (created in beforeAll)
 */
export function consumerPact(consumer: string): () => PactV4 {
  let staging: StagingDirectory;
  let pact: PactV4;
  beforeAll(() => {
    staging = stageDirectory(CONTRACTS_DIR);
    pact = new PactV4({ consumer, provider: PROVIDER_NAME, dir: staging.dir, logLevel: "error" });
  });
  // Vitest passes the file's suite second; its first argument must be a destructuring pattern.
  // biome-ignore lint/correctness/noEmptyPattern: see above
  afterAll(({}, suite) => {
    if (suite.tasks.every((task) => task.result?.state === "pass")) staging.commit(`${consumer}-${PROVIDER_NAME}.json`);
    else staging.discard();
  });
  return () => pact;
}

/** The official twilio SDK with its API domain pointed at the Pact mock server instead of https://api.twilio.com. */
export function twilioClient(accountSid: string, mockServer: V3MockServer, authToken = "your_auth_token") {
  const client = twilio(accountSid, authToken);
  client.api.baseUrl = mockServer.url;
  return client;
}
