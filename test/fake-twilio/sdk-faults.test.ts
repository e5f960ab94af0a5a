import { describe, expect, it } from "vitest";
import { recordingClient, TRANSPORT, useFakeTwilio } from "./_harness.js";

const h = useFakeTwilio();

/** A seeded conference's SID. */
function conferenceSid(): string {
  const { fake } = h();
  const [conference] = fake.store.conferences(fake.accountSid);
  if (!conference) throw new Error("the seed has no conference");
  return conference.sid;
}

describe("faults on demand, as the official twilio SDK meets them", () => {
  it("429 with Retry-After: the SDK rejects with Twilio's 20429 and the header, for `times` requests only", async () => {
    const { fake, client } = h();
    const sid = conferenceSid();
    fake.faults.inject({ operation: "FetchConference", status: 429, retryAfter: 1, times: 1 });
    await expect(client.conferences(sid).fetch()).rejects.toMatchObject({
      status: 429,
      code: 20429,
      moreInfo: "https://www.twilio.com/docs/errors/20429",
    });
    expect(client.httpClient.lastResponse?.headers["retry-after"]).toBe("1");
    expect((await client.conferences(sid).fetch()).sid).toBe(sid);
  });

  it("only the named operation fails", async () => {
    const { fake, client } = h();
    const sid = conferenceSid();
    fake.faults.inject({ operation: "ListParticipant", status: 503 });
    expect((await client.conferences(sid).fetch()).sid).toBe(sid);
    await expect(client.conferences(sid).participants.list()).rejects.toMatchObject({ status: 503, code: 20503 });
    fake.faults.clear();
    await expect(client.conferences(sid).participants.list()).resolves.toBeInstanceOf(Array);
  });

  // The SDK's autoRetry lives in its own RequestClient (an axios interceptor); a custom httpClient such as the in-process one has none.
  it.skipIf(TRANSPORT === "in-process")("the SDK's autoRetry rides out two 429s", async () => {
    const { fake } = h();
    const sid = conferenceSid();
    const exchanges: Parameters<typeof recordingClient>[1] = [];
    const client = recordingClient(fake, exchanges, { autoRetry: true, maxRetries: 3, maxRetryDelay: 20 });
    fake.faults.inject({ operation: "FetchConference", status: 429, retryAfter: 0, times: 2 });
    expect((await client.conferences(sid).fetch()).sid).toBe(sid);
    expect(fake.faults.size).toBe(0);
  });

  it("503: the SDK rejects with Twilio's 20503 body", async () => {
    const { fake, client } = h();
    fake.faults.inject({ operation: "FetchConference", status: 503, times: 1 });
    await expect(client.conferences(conferenceSid()).fetch()).rejects.toMatchObject({
      status: 503,
      code: 20503,
      message: "Service unavailable",
    });
  });

  it("latency beyond the SDK's timeout: the SDK gives up as axios does", async () => {
    const { fake, client } = h();
    client.httpClient.defaultTimeout = 100;
    fake.faults.inject({ operation: "FetchConference", latencyMs: 400, times: 1 });
    const started = performance.now();
    await expect(client.conferences(conferenceSid()).fetch()).rejects.toMatchObject({
      code: "ECONNABORTED",
      message: "timeout of 100ms exceeded",
    });
    expect(performance.now() - started).toBeGreaterThanOrEqual(95);
  });

  it("latency within the timeout: the answer comes, late", async () => {
    const { fake, client } = h();
    const sid = conferenceSid();
    fake.faults.inject({ operation: "FetchConference", latencyMs: 150, times: 1 });
    const started = performance.now();
    expect((await client.conferences(sid).fetch()).sid).toBe(sid);
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
  });

  it("a dropped connection: the SDK rejects with a network error, not a Twilio error", async () => {
    const { fake, client } = h();
    fake.faults.inject({ operation: "FetchConference", drop: true, times: 1 });
    const error = await client
      .conferences(conferenceSid())
      .fetch()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toHaveProperty("status");
    if (TRANSPORT !== "msw") expect(error).toMatchObject({ code: "ECONNRESET" });
  });
});
