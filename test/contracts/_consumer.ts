import { PactV4, type V3MockServer } from "@pact-foundation/pact";
import { fileURLToPath } from "node:url";
import twilio from "twilio";
import { afterAll, beforeAll } from "vitest";
import { contractWriter, type ContractWriter } from "../../src/contracts/contract-writer.js";

const CONTRACTS_DIR = fileURLToPath(new URL("../../contracts/", import.meta.url));

/**
 * Sets up a consumer's contract for the current test file with the kit's {@link contractWriter}: each
 * interaction gets a PactV4 of its own, and the contract moves into contracts/ only when every test
 * of the file passed, so a failed or partial run leaves the previous contract as it was.
 *
 * @returns a function giving a new PactV4 for each interaction
 */
export function consumerPact(consumer: string): () => PactV4 {
  let contract: ContractWriter;
  beforeAll(() => {
    contract = contractWriter({ consumer, dir: CONTRACTS_DIR });
  });
  // Vitest passes the file's suite second; its first argument must be a destructuring pattern.
  // biome-ignore lint/correctness/noEmptyPattern: see above
  afterAll(({}, suite) => {
    if (suite.tasks.every((task) => task.result?.state === "pass")) contract.commit();
    else contract.discard();
  });
  return () => contract.pact();
}

/** The official twilio SDK with its API domain pointed at the Pact mock server instead of https://api.twilio.com. */
export function twilioClient(accountSid: string, mockServer: V3MockServer, authToken = "your_auth_token") {
  const client = twilio(accountSid, authToken);
  client.api.baseUrl = mockServer.url;
  return client;
}

/**
 * Retries of a consumer test: Pact's mock server, under CPU load, sometimes answers a request and
 * then reports it "expected but not received" (pact-reference#535). A retry runs the interaction on a
 * new PactV4; a real mismatch fails every time.
 */
export const PACT_RACE_RETRIES = 1;
