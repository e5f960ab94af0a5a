// The deliveries waiting for one receiver are bounded (`callbacks.backlogLimit`): past the limit a
// delivery fails at once, logged with its reason, and the fake keeps answering and sending elsewhere.
import twilio from "twilio";
import { afterEach, describe, expect, it } from "vitest";
import { startFakeTwilio } from "../../src/fake-twilio/index.js";
import { startReceiver } from "./_receiver.js";

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const server of open.splice(0)) await server.close();
});

const subscribe = (url: string) => ({
  from: "+15017122661",
  to: "+15558675310",
  statusCallback: url,
  statusCallbackEvent: ["initiated"],
});

describe("the callback backlog", () => {
  it("a receiver that does not answer: deliveries past the limit fail at once with 'backlog full', the rest wait; other receivers and the API go on", async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow = await startReceiver((_, response) => {
      void gate.then(() => {
        response.statusCode = 204;
        response.end();
      });
    });
    const healthy = await startReceiver();
    open.push(slow, healthy);
    const fake = await startFakeTwilio({ seed: 1, clock: "manual", callbacks: { backlogLimit: 3 } });
    open.push(fake);
    const client = twilio(fake.accountSid, fake.authToken);
    client.api.baseUrl = fake.url;
    const conference = client.conferences("backlog").participants;
    for (let i = 0; i < 5; i++) await conference.create(subscribe(`${slow.url}/calls/${i}`));
    await conference.create(subscribe(`${healthy.url}/calls`));
    const finished: string[] = [];
    fake.callbacks.subscribe((d) => finished.push(`${new URL(d.url).pathname} ${d.state} ${d.error ?? d.status}`));
    fake.clock.advance(200); // six calls initiated at once: five for the slow receiver

    const full = `backlog full: 3 deliveries to ${slow.url} waiting or on their way`;
    expect(finished).toEqual([`/calls/3 failed ${full}`, `/calls/4 failed ${full}`]);
    expect(fake.callbacks.list().map((d) => [new URL(d.url).pathname, d.state])).toEqual([
      ["/calls/0", "pending"],
      ["/calls/1", "pending"],
      ["/calls/2", "pending"],
      ["/calls/3", "failed"],
      ["/calls/4", "failed"],
      ["/calls", "pending"],
    ]);
    // The healthy receiver is not held up, nor is the API.
    expect((await fake.callbacks.waitFor({ url: `${healthy.url}/calls` })).state).toBe("delivered");
    expect((await client.conferences.list({ limit: 1 })).length).toBe(1);
    expect(fake.callbacks.pending).toBe(3);

    release();
    await fake.callbacks.settled();
    expect(fake.callbacks.list().map((d) => d.state)).toEqual([
      "delivered",
      "delivered",
      "delivered",
      "failed",
      "failed",
      "delivered",
    ]);
    // Once the backlog has drained, the receiver gets deliveries again.
    await conference.create(subscribe(`${slow.url}/calls/5`));
    fake.clock.advance(200);
    expect((await fake.callbacks.waitFor({ url: `${slow.url}/calls/5` })).state).toBe("delivered");
  });

  it("refuses a limit that is not a whole number above 0", async () => {
    await expect(startFakeTwilio({ callbacks: { backlogLimit: 0 } })).rejects.toThrow(
      "Failed to start the fake Twilio: callback backlog limit 0 is not a whole number above 0",
    );
  });
});
