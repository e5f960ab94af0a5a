// Status callbacks in real time (serve's default clock) and to receivers that fail: each delivery is
// logged, awaited, and never stops the fake from answering.
import twilio from "twilio";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  createFakeTwilio,
  startFakeTwilio,
  type FakeTwilio,
  type FakeTwilioOptions,
} from "../../src/fake-twilio/index.js";
import { type Receiver, startReceiver } from "./_receiver.js";

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const server of open.splice(0)) await server.close();
});

async function fakeWith(options: FakeTwilioOptions): Promise<{ fake: FakeTwilio; client: twilio.Twilio }> {
  const fake = await startFakeTwilio({ seed: 1, ...options });
  open.push(fake);
  const client = twilio(fake.accountSid, fake.authToken);
  client.api.baseUrl = fake.url;
  return { fake, client };
}

async function receiver(...args: Parameters<typeof startReceiver>): Promise<Receiver> {
  const started = await startReceiver(...args);
  open.push(started);
  return started;
}

describe("status callbacks on a real clock (serve's default)", () => {
  it("a new participant's call is initiated, ringing and answered within 2 s, then joined, muted, completed and left, all signed", async () => {
    const rx = await receiver();
    const { fake, client } = await fakeWith({});
    const createdAt = performance.now();
    const agent = await client.conferences("realtime").participants.create({
      from: "+15017122661",
      to: "+15558675310",
      statusCallback: `${rx.url}/calls`,
      statusCallbackEvent: ["initiated", "ringing", "answered", "completed"],
      conferenceStatusCallback: `${rx.url}/conference`,
      conferenceStatusCallbackEvent: ["join", "mute", "leave"],
    });
    const answered = await fake.callbacks.waitFor({ event: "answered", callSid: agent.callSid }, { timeoutMs: 2_000 });
    expect(performance.now() - createdAt).toBeLessThan(2_000);
    expect(answered).toMatchObject({ state: "delivered", status: 204, params: { CallStatus: "in-progress" } });
    await fake.callbacks.waitFor({ event: "participant-join" }, { timeoutMs: 2_000 });
    const participant = client.conferences(agent.conferenceSid).participants(agent.callSid);
    await participant.update({ muted: true });
    await fake.callbacks.waitFor({ event: "participant-mute" }, { timeoutMs: 2_000 });
    await participant.remove();
    await fake.callbacks.waitFor({ event: "participant-leave" }, { timeoutMs: 2_000 });
    await fake.callbacks.settled();

    const seen = rx.received.map((r) => {
      const params = Object.fromEntries(new URLSearchParams(r.body));
      const signed = twilio.validateRequest(
        fake.authToken,
        String(r.headers["x-twilio-signature"]),
        `${rx.url}${r.path}`,
        params,
      );
      return `${r.path} ${params.StatusCallbackEvent ?? params.CallStatus} ${signed ? "signed" : "UNSIGNED"}`;
    });
    expect(seen).toEqual([
      "/calls initiated signed",
      "/calls ringing signed",
      "/calls in-progress signed",
      "/conference participant-join signed",
      "/conference participant-mute signed",
      "/calls completed signed",
      "/conference participant-leave signed",
    ]);
  });
});

describe("status callbacks to receivers that fail", () => {
  const subscribe = (url: string) => ({
    from: "+15017122661",
    to: "+15558675310",
    statusCallback: url,
    statusCallbackEvent: ["initiated"],
  });

  it("a 500, a refused connection and a receiver slower than the timeout each fail their delivery, logged, and the fake keeps answering", async () => {
    const failing = await receiver((_, response) => {
      response.statusCode = 500;
      response.end("boom");
    });
    const gone = await startReceiver();
    await gone.close(); // its port now refuses connections
    const slow = await receiver((_, response) => {
      setTimeout(() => response.end(), 2_000).unref();
    });
    const healthy = await receiver();
    const { fake, client } = await fakeWith({ clock: "manual", callbacks: { timeoutMs: 300 } });
    const conference = client.conferences("failures").participants;
    for (const url of [`${failing.url}/a`, `${gone.url}/b`, `${slow.url}/c`, `${healthy.url}/d`])
      await conference.create(subscribe(url));
    fake.clock.advance(200); // every call is initiated

    // The healthy receiver does not wait for the slow one: deliveries to different origins run side by side.
    const delivered = await fake.callbacks.waitFor({ state: "delivered" }, { timeoutMs: 250 });
    expect(delivered.url).toBe(`${healthy.url}/d`);
    await fake.callbacks.settled();
    const outcome = fake.callbacks
      .list()
      .map((d) => [new URL(d.url).pathname, d.state, d.status ?? d.error, d.answer ?? ""]);
    expect(outcome).toEqual([
      ["/a", "failed", 500, "boom"],
      ["/b", "failed", "ECONNREFUSED", ""],
      ["/c", "failed", "timed out after 300 ms", ""],
      ["/d", "delivered", 204, ""],
    ]);
    // Still answering, and still sending.
    expect((await client.conferences.list({ limit: 1 })).length).toBe(1);
    await conference.create(subscribe(`${healthy.url}/e`));
    fake.clock.advance(200);
    expect((await fake.callbacks.waitFor({ url: `${healthy.url}/e` })).state).toBe("delivered");
  });

  it("times each delivery to an origin on its own, fails one whose answer stalls, and fails those on their way when callbacks close", async () => {
    const rx = await receiver((request, response) => {
      if (request.path === "/stall")
        response.writeHead(200).write("partial"); // never ends
      else if (request.path !== "/hang") setTimeout(() => response.writeHead(204).end(), 200).unref();
    });
    const { fake, client } = await fakeWith({ clock: "manual", callbacks: { timeoutMs: 300 } });
    const conference = client.conferences("timing").participants;
    for (const path of ["/slow-1", "/slow-2", "/stall", "/slow-3"])
      await conference.create(subscribe(`${rx.url}${path}`));
    fake.clock.advance(200);
    await fake.callbacks.settled();
    const outcome = () => fake.callbacks.list().map((d) => [new URL(d.url).pathname, d.state, d.status ?? d.error]);
    // One after another to one origin, 200 ms each: each has the whole 300 ms, not what the one before left.
    expect(outcome()).toEqual([
      ["/slow-1", "delivered", 204],
      ["/slow-2", "delivered", 204],
      ["/stall", "failed", "timed out after 300 ms"],
      ["/slow-3", "delivered", 204],
    ]);
    fake.callbacks.clear();
    await conference.create(subscribe(`${rx.url}/hang`));
    await conference.create(subscribe(`${rx.url}/waiting`));
    fake.clock.advance(200);
    await vi.waitFor(() => expect(rx.received.map((r) => r.path)).toContain("/hang"));
    fake.callbacks.close();
    await fake.callbacks.settled();
    expect(outcome()).toEqual([
      ["/hang", "failed", "the fake closed"],
      ["/waiting", "failed", "the fake closed"],
    ]);
  });

  it("follows a redirect as Twilio does (a GET without the parameters) and sends a URL's credentials as Basic auth, never logging them", async () => {
    const rx = await receiver((request, response) => {
      response.statusCode = request.path.startsWith("/start") ? 307 : 204;
      if (response.statusCode === 307) response.setHeader("location", "/final");
      response.end();
    });
    const { fake, client } = await fakeWith({ clock: "manual" });
    const credentialed = rx.url.replace("http://", "http://user:pa55@");
    await client.conferences("redirects").participants.create(subscribe(`${rx.url}/start`));
    await client.conferences("redirects").participants.create(subscribe(`${credentialed}/auth`));
    fake.clock.advance(200);
    await fake.callbacks.settled();
    expect(rx.received.map((r) => [r.method, r.path, r.body === "" ? "no body" : "form"])).toEqual([
      ["POST", "/start", "form"],
      ["GET", "/final", "no body"],
      ["POST", "/auth", "form"],
    ]);
    const auth = rx.received[2];
    expect(auth?.headers.authorization).toBe(`Basic ${Buffer.from("user:pa55").toString("base64")}`);
    // Signed over the URL as configured, credentials included (twilio-node validates it so).
    const params = Object.fromEntries(new URLSearchParams(auth?.body));
    expect(
      twilio.validateRequest(
        fake.authToken,
        String(auth?.headers["x-twilio-signature"]),
        `${credentialed}/auth`,
        params,
      ),
    ).toBe(true);
    expect(fake.callbacks.list().map((d) => [d.state, d.url])).toEqual([
      ["delivered", `${rx.url}/start`],
      ["delivered", `${rx.url.replace("http://", "http://***@")}/auth`],
    ]);
  });

  it("waitFor names what it waited for and what was delivered when nothing matches in time", async () => {
    const { fake } = await fakeWith({ clock: "manual" });
    await expect(fake.callbacks.waitFor({ event: "participant-join" }, { timeoutMs: 50 })).rejects.toThrow(
      'Failed to wait for a callback: none matching {"event":"participant-join"} finished within 50 ms (deliveries: none)',
    );
  });

  it("the in-process fake (createFakeTwilio) sends them too, over HTTP", async () => {
    const rx = await receiver();
    const fake = await createFakeTwilio({ seed: 1, clock: "manual" });
    open.push(fake);
    await fake
      .client()
      .conferences("in-process")
      .participants.create(subscribe(`${rx.url}/calls`));
    fake.clock.advance(200);
    const delivered = await fake.callbacks.waitFor({ event: "initiated" });
    expect([delivered.state, rx.received.map((r) => r.path)]).toEqual(["delivered", ["/calls"]]);
  });

  it("with callbacks off nothing is sent", async () => {
    const rx = await receiver();
    const { fake, client } = await fakeWith({ clock: "manual", callbacks: false });
    await client.conferences("quiet").participants.create(subscribe(`${rx.url}/calls`));
    fake.clock.advance(1_000);
    await fake.callbacks.settled();
    expect([fake.callbacks.enabled, fake.callbacks.list(), rx.received]).toEqual([false, [], []]);
  });
});
