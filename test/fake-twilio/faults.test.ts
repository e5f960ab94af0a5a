import { describe, expect, it } from "vitest";
import { FAULTS_PATH, FakeTwilioFaults, type FaultSpec } from "../../src/fake-twilio/faults.js";
import { startFakeTwilio } from "../../src/fake-twilio/index.js";

describe("FakeTwilioFaults", () => {
  it.each<[unknown, string]>([
    [{ operation: "FetchConfrence", status: 500 }, "unknown operation FetchConfrence"],
    [{ status: 404 }, "status 404 is not one of 429, 500, 503"],
    [{ status: 503, drop: true }, "a fault either answers a status or drops the connection, not both"],
    [{ status: 503, retryAfter: 1 }, "retryAfter is a whole number of seconds, with status 429"],
    [{}, "give a status, drop: true or latencyMs"],
    [{ status: 500, times: 0 }, "times 0 is not a whole number ≥ 1"],
    [{ status: 500, rate: 2 }, "rate 2 is not from 0 to 1"],
    [{ status: 500, statuss: 1 }, "unknown field statuss"],
    [null, "give an object"],
  ])("refuses %j with one line", (spec, reason) => {
    expect(() => new FakeTwilioFaults().inject(spec as FaultSpec)).toThrow(`Failed to inject a fault: ${reason}`);
  });

  it("a rate fails a seeded share of requests, the same ones for the same seed", () => {
    const pattern = (seed: number) => {
      const faults = new FakeTwilioFaults();
      faults.inject({ status: 500, rate: 0.3, seed });
      return Array.from({ length: 200 }, () => (faults.take("FetchConference") ? 1 : 0)).join("");
    };
    const first = pattern(7);
    expect(pattern(7)).toBe(first);
    expect(pattern(8)).not.toBe(first);
    const failed = [...first].filter((c) => c === "1").length;
    expect(failed).toBeGreaterThan(30);
    expect(failed).toBeLessThan(90);
  });

  it("times spends a fault; the first matching fault applies", () => {
    const faults = new FakeTwilioFaults();
    faults.inject({ operation: "CreateParticipant", status: 429, retryAfter: 2, times: 2 });
    faults.inject({ status: 503 });
    expect(faults.take("CreateParticipant")?.reply).toMatchObject({
      reply: { status: 429, body: { code: 20429 } },
      headers: { "retry-after": "2" },
    });
    expect(faults.take("CreateParticipant")?.reply?.reply.status).toBe(429);
    expect(faults.take("CreateParticipant")?.reply?.reply.status).toBe(503);
    expect(faults.size).toBe(1);
  });
});

describe(`the HTTP fake's ${FAULTS_PATH} endpoint`, () => {
  it("adds a fault (201), refuses a bad one (400, 20001), clears them (204), and a drop destroys the socket", async () => {
    const fake = await startFakeTwilio({ seed: 5 });
    try {
      const post = (spec: unknown) =>
        fetch(`${fake.url}${FAULTS_PATH}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(spec),
        });
      const added = await post({ operation: "ListConference", status: 503, times: 1 });
      expect(added.status).toBe(201);
      expect(await added.json()).toEqual({ faults: 1 });
      const refused = await post({ status: 418 });
      expect(refused.status).toBe(400);
      expect(await refused.json()).toMatchObject({ code: 20001, message: expect.stringContaining("status 418") });

      const list = `${fake.url}/2010-04-01/Accounts/${fake.accountSid}/Conferences.json`;
      const authorization = `Basic ${Buffer.from(`${fake.accountSid}:${fake.authToken}`).toString("base64")}`;
      const failed = await fetch(list, { headers: { authorization } });
      expect(failed.status).toBe(503);
      expect(await failed.json()).toMatchObject({ code: 20503, status: 503 });

      await post({ operation: "ListConference", drop: true });
      await expect(fetch(list, { headers: { authorization } })).rejects.toThrow();
      expect((await fetch(`${fake.url}${FAULTS_PATH}`, { method: "DELETE" })).status).toBe(204);
      expect(fake.faults.size).toBe(0);
      expect((await fetch(list, { headers: { authorization } })).status).toBe(200);
    } finally {
      await fake.close();
    }
  });
});
