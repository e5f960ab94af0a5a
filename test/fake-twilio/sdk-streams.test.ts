import { describe, expect, it } from "vitest";
import { useFakeTwilio } from "./_harness.js";

const h = useFakeTwilio();

/** The call of the seeded stream: an in-progress call of the seeded account. */
function seededCall(): string {
  const { fake } = h();
  const participants = fake.store
    .conferences(fake.accountSid)
    .flatMap((c) => fake.store.participants(c.account_sid, c.sid));
  const call = participants.find((p) => fake.store.hasCall(p.account_sid, p.call_sid));
  if (!call) throw new Error("the seed has no call");
  return call.call_sid;
}

describe("streams through the official twilio SDK", () => {
  it("create starts an in-progress MZ stream with its name; update by SID stops it", async () => {
    const { client, fake } = h();
    const callSid = seededCall();
    const created = await client.calls(callSid).streams.create({
      url: "wss://example.com/audio",
      name: "recorder",
      track: "both_tracks",
      "parameter1.name": "role",
      "parameter1.value": "agent",
    });
    expect(created).toMatchObject({ accountSid: fake.accountSid, callSid, name: "recorder", status: "in-progress" });
    expect(created.sid).toMatch(/^MZ[0-9a-f]{32}$/);
    const stopped = await client.calls(callSid).streams(created.sid).update({ status: "stopped" });
    expect(stopped).toMatchObject({ sid: created.sid, name: "recorder", status: "stopped" });
    expect(fake.store.stream(fake.accountSid, callSid, created.sid)?.status).toBe("stopped");
  });

  it("update addresses a stream by its name", async () => {
    const { client } = h();
    const callSid = seededCall();
    const created = await client.calls(callSid).streams.create({ url: "wss://example.com/audio", name: "transcriber" });
    expect(await client.calls(callSid).streams("transcriber").update({ status: "stopped" })).toMatchObject({
      sid: created.sid,
      status: "stopped",
    });
  });

  it("a stream without a name has name null", async () => {
    const { client } = h();
    expect((await client.calls(seededCall()).streams.create({ url: "wss://example.com/audio" })).name).toBeNull();
  });

  it("a call the fake does not hold, or a stream it does not hold, is 404 / 20404", async () => {
    const { client } = h();
    await expect(
      client.calls("CA0123456789abcdef0123456789abcdef").streams.create({ url: "wss://example.com/audio" }),
    ).rejects.toMatchObject({ status: 404, code: 20404 });
    await expect(client.calls(seededCall()).streams("nobody").update({ status: "stopped" })).rejects.toMatchObject({
      status: 404,
      code: 20404,
    });
  });

  it("a Url that is not a URI is a 400 naming Url", async () => {
    const { client } = h();
    await expect(client.calls(seededCall()).streams.create({ url: "not a url" })).rejects.toMatchObject({
      status: 400,
      code: 20001,
      message: expect.stringContaining("Url"),
    });
  });
});
