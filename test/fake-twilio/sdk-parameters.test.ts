// Every parameter the SDK sends: the installed twilio SDK is the oracle. Each form and query key its
// source can send for the catalogued operations is accepted by the request schemas and by the fake
// (one request per key, on the seeded world after reset(); the fake checks each request against the
// request schemas before answering), booleans in Twilio's `True` spelling; a key the SDK never sends
// is still refused.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { operationPath, type OperationId } from "../../src/catalogue/operations.js";
import { streamFactory } from "../../src/factories/stream.js";
import { startFakeTwilio, type FakeTwilio } from "../../src/fake-twilio/index.js";
import { sdkParameters } from "./_sdk-parameters.js";

interface Property {
  type?: string;
  enum?: string[];
  format?: string;
  pattern?: string;
  minimum?: number;
  items?: Property;
}

/** The property schema of a key, from the operation's request schema (pattern properties included). */
function propertyOf(operationId: string, location: string, key: string): Property | undefined {
  const schema = JSON.parse(
    readFileSync(new URL(`../../schemas/requests/${operationId}.json`, import.meta.url), "utf8"),
  );
  const node = schema.$defs[location] as {
    properties?: Record<string, Property>;
    patternProperties?: Record<string, Property>;
  };
  return (
    node.properties?.[key] ??
    Object.entries(node.patternProperties ?? {}).find(([pattern]) => new RegExp(pattern).test(key))?.[1]
  );
}

/** A value of a property that its schema accepts, as text on the wire; booleans in Twilio's capitalised spelling. */
function valueFor(key: string, p: Property): string {
  if (p.enum?.[0] !== undefined) return p.enum[0];
  if (p.type === "array") return valueFor(key, p.items ?? {});
  if (p.type === "boolean") return "True";
  if (p.type === "integer") return String(Math.max(p.minimum ?? 1, 1));
  if (p.format === "uri") return "https://example.com/callback";
  if (p.format === "date") return "2020-01-01";
  const sidPrefix = /^\^([A-Z]{2})\[0-9a-fA-F\]\{32\}\$$/.exec(p.pattern ?? "")?.[1];
  if (sidPrefix) return `${sidPrefix}${"0".repeat(32)}`;
  if (/^(From|To|CallerId)$/.test(key)) return "+15558675310";
  if (key === "CallSidToCoach") return `CA${"0".repeat(32)}`;
  return "value";
}

const cases = sdkParameters().flatMap(({ operationId, location, keys }) =>
  keys.map((key) => ({ operationId, location, key })),
);

let fake: FakeTwilio;
beforeAll(async () => {
  fake = await startFakeTwilio({ seed: 5 });
});
afterAll(() => fake.close());

/** What a request to `operationId` needs besides the key under test: a path in the (just reset) world, and required fields. */
function target(operationId: OperationId): { path: string; required: Record<string, string> } {
  const AccountSid = fake.accountSid;
  const conference = fake.store.conferences(AccountSid).find((c) => fake.store.participantCount(AccountSid, c.sid) > 0);
  const ConferenceSid = conference?.sid ?? "";
  const CallSid = fake.store.participants(AccountSid, ConferenceSid)[0]?.call_sid ?? "";
  const stream = fake.store.putStream(
    streamFactory.seed(1).forCall({ account_sid: AccountSid, call_sid: CallSid }).traits("in-progress").build(),
  );
  const Sid = operationId.endsWith("Stream") ? stream.sid : ConferenceSid;
  const required: Partial<Record<OperationId, Record<string, string>>> = {
    CreateParticipant: { From: "+15017122661", To: "+15558675310" },
    CreateStream: { Url: "wss://example.com/stream" },
  };
  return {
    path: operationPath(operationId, { AccountSid, ConferenceSid, CallSid, Sid }),
    required: required[operationId] ?? {},
  };
}

/** Sends one request to the fake: the fields in the query (GET) or a form body (POST). */
async function send(operationId: OperationId, location: "query" | "body", fields: Record<string, string>) {
  const { path, required } = target(operationId);
  const form = new URLSearchParams({ ...required, ...fields });
  const headers = { authorization: `Basic ${Buffer.from(`${fake.accountSid}:${fake.authToken}`).toString("base64")}` };
  const reply =
    location === "query"
      ? await fetch(`${fake.url}${path}?${form}`, { headers })
      : await fetch(`${fake.url}${path}`, { method: "POST", headers, body: form });
  return { status: reply.status, text: await reply.text() };
}

describe("every parameter the twilio SDK sends", () => {
  it("finds the SDK's keys, among them those Twilio added after our spec", () => {
    const create = cases.filter((c) => c.operationId === "CreateParticipant").map((c) => c.key);
    expect(create).toEqual(
      expect.arrayContaining(["RecordingConfigurationId", "Passports", "EmergencyCallerPosition"]),
    );
    expect(create.filter((k) => k.startsWith("Emergency"))).toHaveLength(8);
    expect(cases.length).toBeGreaterThan(250);
  });

  it.each(cases)("$operationId accepts $location key $key", async ({ operationId, location, key }) => {
    const property = propertyOf(operationId, location, key);
    expect(property, `${key} is in the ${operationId} ${location} schema`).toBeDefined();
    const value = valueFor(key, property ?? {});
    // What goes with a key: a coached call with Coaching on, the Page a PageToken belongs to.
    const companions: Record<string, Record<string, string>> = {
      Coaching: location === "body" ? { CallSidToCoach: `CA${"0".repeat(32)}` } : {},
      PageToken: { Page: "1" },
    };
    const fields = { ...companions[key], [key]: value };
    fake.store.reset();
    const reply = await send(operationId, location, fields);
    // The fake checks every request against the request schemas (validateRequest) before answering.
    expect(reply.status, `${operationId} ${key}=${value}: ${reply.text}`).toBeLessThan(300);
  });

  it.each([
    ["ListParticipant", "query", { Bogus: "1" }],
    ["CreateParticipant", "body", { RecordingConfigurationID: "x" }],
    ["UpdateParticipant", "body", { Hold: "yes" }],
  ] as const)("%s still refuses %s %j", async (operationId, location, fields) => {
    fake.store.reset();
    const reply = await send(operationId, location, fields);
    expect([reply.status, JSON.parse(reply.text).code]).toEqual([400, 20001]);
  });
});
