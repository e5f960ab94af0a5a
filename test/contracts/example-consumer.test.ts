import { MatchersV3, PactV4 } from "@pact-foundation/pact";
import { fileURLToPath } from "node:url";
import twilio from "twilio";
import { afterAll, beforeAll, describe, expect, it, type RunnerTask } from "vitest";
import { operationPath } from "../../src/catalogue/operations.js";
import { responseMatcher } from "../../src/contracts/matchers.js";
import { stageDirectory, type StagingDirectory } from "../../src/contracts/staging.js";
import { participantFactory, participantPageFactory } from "../../src/factories/index.js";
import { parseRfc2822 } from "../../src/rfc2822.js";
import { validateResource } from "../../src/validate/validate.js";

// A consumer ("conference-app") of the Twilio Voice API, driving the official twilio SDK against the
// Pact mock server. Pact writes into a staging folder; the contract moves into contracts/ only when
// every interaction passed, so a failed run leaves the previous contract as it was.

const CONTRACT = "conference-app-twilio-voice-api.json";
const CONTRACTS_DIR = fileURLToPath(new URL("../../contracts/", import.meta.url));

/** Provider states, parameterised by the SIDs the provider must set up. */
const STATES = { conferenceExists: "a conference exists", conferenceHasParticipants: "a conference has participants" } as const;

const AUTH_TOKEN = "0123456789abcdef0123456789abcdef";

/** The Authorization header the SDK sends: HTTP Basic with the account SID and auth token. */
const authorization = (accountSid: string) =>
  MatchersV3.regex("^Basic [A-Za-z0-9+/=]+$", `Basic ${Buffer.from(`${accountSid}:${AUTH_TOKEN}`).toString("base64")}`);

/** The official SDK with its API domain pointed at the mock server instead of https://api.twilio.com. */
function twilioClient(accountSid: string, mockServerUrl: string) {
  const client = twilio(accountSid, AUTH_TOKEN);
  client.api.baseUrl = mockServerUrl;
  return client;
}

/**
 * A form body (`application/x-www-form-urlencoded`, as the SDK posts) and its matching rules. PactV4
 * has no form builder: `body()` sends the bytes with a content-type rule on `$` that form fields fail
 * (pact-js#767), so each field gets its own equality rule, which Pact prefers as the more specific.
 */
function formBody(fields: Readonly<Record<string, string>>) {
  return {
    bytes: Buffer.from(new URLSearchParams(fields).toString()),
    rules: { body: Object.entries(fields).map(([name, value]) => ({ path: `$.${name}`, rules: [MatchersV3.equal(value)] })) },
  };
}

/** Whether every test ran and passed (a skipped or filtered-out test would leave an interaction out of the contract). */
const allPassed = (tasks: readonly RunnerTask[]): boolean =>
  tasks.every((task) => (task.type === "suite" ? allPassed(task.tasks) : task.result?.state === "pass"));

let staging: StagingDirectory;
let pact: PactV4;

beforeAll(() => {
  staging = stageDirectory(CONTRACTS_DIR);
  pact = new PactV4({ consumer: "conference-app", provider: "twilio-voice-api", dir: staging.dir, logLevel: "error" });
});

// biome-ignore lint/correctness/noEmptyPattern: Vitest passes the suite second and requires a destructuring pattern first
afterAll(({}, suite) => {
  if (allPassed(suite.tasks)) staging.commit(CONTRACT);
  else staging.discard();
});

describe("conference-app → twilio-voice-api", () => {
  it("CreateParticipant: dials a participant into a conference", async () => {
    const created = participantFactory.seed(1).traits("queued").build({ label: "customer" });
    const sids = { AccountSid: created.account_sid, ConferenceSid: created.conference_sid };
    const form = { From: "+15017122661", To: "+15558675310", Label: "customer" };
    const { bytes, rules } = formBody(form);

    await pact
      .addInteraction()
      .given(STATES.conferenceExists, sids)
      .uponReceiving("a request to add a participant to a conference")
      .withRequest("POST", operationPath("CreateParticipant", sids), (request) =>
        request
          .headers({ Authorization: authorization(sids.AccountSid) })
          .body("application/x-www-form-urlencoded", bytes)
          .matchingRules(rules),
      )
      .willRespondWith(201, (response) =>
        response.jsonBody(responseMatcher("participant", created, { fields: ["account_sid", "conference_sid", "call_sid", "label", "status", "muted", "date_created"] })),
      )
      .executeTest(async (mockServer) => {
        const participants = twilioClient(sids.AccountSid, mockServer.url).api.v2010.accounts(sids.AccountSid).conferences(sids.ConferenceSid).participants;
        const participant = await participants.create({ from: form.From, to: form.To, label: form.Label });

        expect(participant).toMatchObject({
          accountSid: created.account_sid,
          conferenceSid: created.conference_sid,
          callSid: created.call_sid,
          label: "customer",
          status: "queued",
          muted: created.muted,
        });
        expect(participant.dateCreated).toEqual(parseRfc2822(created.date_created));
      });
  });

  it("ListParticipant: reads a page of a conference's participants", async () => {
    const page = participantPageFactory.seed(2).answering({ PageSize: 2 }).ofTotal(1).build();
    const only = page.participants[0]!;
    const sids = { AccountSid: only.account_sid, ConferenceSid: only.conference_sid };
    const body = responseMatcher("participant-page", page);
    expect(validateResource("participant-page", MatchersV3.reify(body), { profile: "strict" }).ok).toBe(true);

    await pact
      .addInteraction()
      .given(STATES.conferenceHasParticipants, sids)
      .uponReceiving("a request for the first page of a conference's participants")
      .withRequest("GET", operationPath("ListParticipant", sids), (request) =>
        request.query({ PageSize: "2" }).headers({ Authorization: authorization(sids.AccountSid) }),
      )
      .willRespondWith(200, (response) => response.jsonBody(body))
      .executeTest(async (mockServer) => {
        const participants = twilioClient(sids.AccountSid, mockServer.url).api.v2010.accounts(sids.AccountSid).conferences(sids.ConferenceSid).participants;
        const result = await participants.page({ pageSize: 2 });

        expect(result.nextPageUrl).toBeUndefined();
        expect(result.instances.map((p) => [p.callSid, p.status, p.label, p.queueTime])).toEqual([[only.call_sid, only.status, only.label, only.queue_time]]);
        expect(result.instances[0]!.dateUpdated).toEqual(parseRfc2822(only.date_updated));
      });
  });
});
