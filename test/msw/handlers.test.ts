import { setupServer } from "msw/node";
import twilio from "twilio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFakeTwilio, type InProcessFakeTwilio } from "../../src/fake-twilio/index.js";
import { twilioHandlers } from "../../src/msw/index.js";

// The SDK under MSW is covered by the SDK suites (FAKE_TWILIO_TRANSPORT=msw); here: plain fetch, and base URLs.
describe("twilioHandlers", () => {
  let fake: InProcessFakeTwilio;
  const server = setupServer();
  beforeAll(async () => {
    fake = await createFakeTwilio({ seed: 9 });
    server.use(...twilioHandlers(fake, { baseUrl: ["https://api.twilio.com", "https://api.sydney.au1.twilio.com"] }));
    server.listen({ onUnhandledRequest: "error" });
  });
  afterAll(async () => {
    server.close();
    await fake.close();
  });
  const authorization = () => `Basic ${Buffer.from(`${fake.accountSid}:${fake.authToken}`).toString("base64")}`;

  it("serves fetch: a form POST creates a participant in the fake's store, and errors are Twilio's", async () => {
    const [conference] = fake.store.conferences(fake.accountSid);
    const url = `https://api.twilio.com/2010-04-01/Accounts/${fake.accountSid}/Conferences/${conference?.sid}/Participants.json`;
    const created = await fetch(url, {
      method: "POST",
      headers: { authorization: authorization(), "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ From: "+15017122661", To: "+15558675310", Label: "fetched" }),
    });
    expect(created.status).toBe(201);
    const body = (await created.json()) as { call_sid: string; label: string };
    expect(body.label).toBe("fetched");
    expect(fake.store.participants(fake.accountSid, conference?.sid ?? "").map((p) => p.call_sid)).toContain(
      body.call_sid,
    );
    const denied = await fetch(url, { headers: { authorization: "Basic bm9wZTpub3Bl" } });
    expect(denied.status).toBe(401);
    expect(await denied.json()).toMatchObject({ code: 20003 });
    const unknown = await fetch(`https://api.twilio.com/2010-04-01/Nothing.json`);
    expect(unknown.status).toBe(404);
  });

  it("a dropped connection is a network error for fetch", async () => {
    fake.faults.inject({ operation: "ListConference", drop: true, times: 1 });
    const url = `https://api.twilio.com/2010-04-01/Accounts/${fake.accountSid}/Conferences.json`;
    await expect(fetch(url, { headers: { authorization: authorization() } })).rejects.toThrow(TypeError);
    expect((await fetch(url, { headers: { authorization: authorization() } })).status).toBe(200);
  });

  it("answers the SDK on an edge and region host too", async () => {
    const client = twilio(fake.accountSid, fake.authToken, { edge: "sydney", region: "au1" });
    const conferences = await client.conferences.list();
    expect(conferences.map((c) => c.sid).sort()).toEqual(
      fake.store
        .conferences(fake.accountSid)
        .map((c) => c.sid)
        .sort(),
    );
  });
});
