// A fake Twilio on 127.0.0.1 with the official SDK pointed at it, and a local receiver for its status callbacks:
// what every test of the callbacks the fake sends starts with. Both close by themselves after each test.
import twilio from "twilio";
import { afterEach } from "vitest";
import { type FakeTwilio, type FakeTwilioOptions, startFakeTwilio } from "../../src/fake-twilio/index.js";
import { type Receiver, startReceiver } from "./_receiver.js";

/** A started fake, an SDK client of it, and the receiver its callbacks can go to (`receiver.url`). */
export interface CallbackRig {
  readonly fake: FakeTwilio;
  readonly client: twilio.Twilio;
  readonly receiver: Receiver;
}

/**
 * Registers the closing of what it starts after each test, and returns the function that starts a receiver and a
 * fake (`options`, e.g. a seed and a manual clock) for a test.
 */
export function useCallbackRig(): (options: FakeTwilioOptions) => Promise<CallbackRig> {
  const running: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of running.splice(0).reverse()) await close();
  });
  return async (options) => {
    const receiver = await startReceiver();
    running.push(() => receiver.close());
    const fake = await startFakeTwilio(options);
    running.push(() => fake.close());
    const client = twilio(fake.accountSid, fake.authToken);
    client.api.baseUrl = fake.url;
    return { fake, client, receiver };
  };
}
