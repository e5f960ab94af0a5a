import type { PactV4, V3MockServer } from "@pact-foundation/pact";
import { fileURLToPath } from "node:url";
import twilio from "twilio";
import { setupContract } from "../../src/contracts/vitest.js";

/** The repository's contracts/ folder, where the example consumers' contracts are committed. */
export const CONTRACTS_DIR = fileURLToPath(new URL("../../contracts/", import.meta.url));

/**
 * Sets up a consumer's contract in contracts/ for the current test file with the kit's
 * {@link setupContract}: the interactions of the tests that pass go in, those of failing ones go out.
 *
 * @returns a function giving a new PactV4 for each interaction
 */
export function consumerPact(consumer: string): () => PactV4 {
  const contract = setupContract({ consumer, dir: CONTRACTS_DIR });
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
