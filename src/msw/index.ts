// The `twilio-testkit/msw` entry point: Mock Service Worker handlers backed by an in-process fake Twilio.
import type { HttpHandler } from "msw";
import type { InProcessFakeTwilio } from "../fake-twilio/in-process.js";
import { http } from "./_msw.js";

/** Options of {@link twilioHandlers}. */
export interface TwilioHandlersOptions {
  /**
   * The base URL(s) the handlers answer, without a trailing slash; default `https://api.twilio.com`,
   * where the SDK and Twilio's docs send Voice API requests. Add e.g. `https://api.sydney.au1.twilio.com`
   * when the client sets an `edge` or `region`.
   */
  readonly baseUrl?: string | readonly string[] | undefined;
}

/**
 * MSW (msw 2) handlers that answer the Twilio API from an in-process fake Twilio
 * (`createFakeTwilio` of `twilio-testkit/fake-twilio`): every request under the base URL, whatever its
 * method, goes to the fake, so an app that calls Twilio through the twilio SDK or `fetch` meets the
 * same operations, store, error bodies and faults (a dropped connection is a network error).
 *
 * @param fake - the fake that answers
 * @param options - the base URL(s) to answer
 * @returns handlers for `setupServer(...)` (msw/node) or `server.use(...)`
 * @throws TestkitError `CONFIG` at import when msw is not installed
 * @example
 * ```ts
 * const fake = await createFakeTwilio({ seed: 1 });
 * const server = setupServer(...twilioHandlers(fake));
 * server.listen();
 * ```
 */
export function twilioHandlers(fake: InProcessFakeTwilio, options: TwilioHandlersOptions = {}): HttpHandler[] {
  const bases = [options.baseUrl ?? "https://api.twilio.com"].flat();
  return bases.map((base) => http.all(`${base}/*`, ({ request }) => fake.handle(request)));
}
