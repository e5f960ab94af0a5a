import type TwilioSDK from "twilio";
import { importPeer } from "../_optional-peer.js";
import { Dispatcher, type Dispatched, type WireRequest } from "./_dispatch.js";
import { fakeWorld, type FakeTwilio, type FakeTwilioOptions } from "./server.js";

/** Options of {@link createFakeTwilio}: those of `startFakeTwilio` without a port or host. */
export type InProcessFakeTwilioOptions = Omit<FakeTwilioOptions, "port" | "host">;

/**
 * A fake Twilio without a server: the same store, operations, error bodies and faults as the HTTP
 * fake of `startFakeTwilio`, answered in process.
 */
export interface InProcessFakeTwilio
  extends Pick<
    FakeTwilio,
    "accountSid" | "authToken" | "store" | "faults" | "clock" | "events" | "callbacks" | "hangUp"
  > {
  /**
   * A twilio `RequestClient` that answers in process, for `twilio(sid, token, { httpClient })`; it
   * honours each request's `timeout` (default 30 s) as the SDK's own does, and sets `lastRequest`
   * and `lastResponse`. As with any custom `httpClient`, the SDK's `autoRetry` does not apply.
   *
   * @throws TestkitError `CONFIG` when the `twilio` package is not installed
   */
  readonly httpClient: TwilioSDK.RequestClient;
  /**
   * An official twilio client on {@link httpClient}.
   *
   * @param accountSid - default the seeded account
   * @param authToken - default its token
   * @throws TestkitError `CONFIG` when the `twilio` package is not installed
   */
  client(accountSid?: string, authToken?: string): TwilioSDK.Twilio;
  /**
   * Answers a Fetch API request as the HTTP fake would (any host: only the path and query count);
   * a dropped-connection fault gives `Response.error()`. What the MSW handlers call.
   */
  handle(request: Request): Promise<Response>;
  /** Drops the clock's pending work, stops sending callbacks, and releases the Fastify app behind unusual requests, when one was built */
  close(): Promise<void>;
}

/** A fault's dropped connection as the SDK's axios reports it over HTTP. */
const socketHangUp = (): Error => Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });

/** A timeout as the SDK's axios reports it. */
const timedOut = (ms: number): Error =>
  Object.assign(new Error(`timeout of ${ms}ms exceeded`), { code: "ECONNABORTED" });

/** Parameters as the SDK sends them (`qs` with repeated keys): arrays repeat their key, undefined is left out. */
function encode(params: object | undefined): string {
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {}))
    for (const item of [value].flat()) if (item !== undefined) form.append(key, item === null ? "" : String(item));
  return form.toString();
}

/** What the SDK hands its `RequestClient.request`. */
type RequestOptions = Parameters<TwilioSDK.RequestClient["request"]>[0];

/** A twilio `RequestClient` whose `request` goes to the dispatcher instead of the network. */
function inProcessRequestClient(sdk: typeof TwilioSDK, dispatcher: Dispatcher): TwilioSDK.RequestClient {
  class InProcessRequestClient extends sdk.RequestClient {
    override async request(opts: RequestOptions): Promise<never> {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(opts.headers ?? {})) headers[name.toLowerCase()] = String(value);
      if (opts.username && opts.password)
        headers.authorization = `Basic ${Buffer.from(`${opts.username}:${opts.password}`).toString("base64")}`;
      else if (opts.authStrategy) headers.authorization = await opts.authStrategy.getAuthString();
      const query = opts.params ? encode(opts.params) : "";
      const url = query === "" ? opts.uri : `${opts.uri}${opts.uri.includes("?") ? "&" : "?"}${query}`;
      const body = opts.data && isFormType(headers["content-type"]) ? encode(opts.data) : undefined;
      const timeout = opts.timeout || this.defaultTimeout;
      const request: WireRequest = { method: opts.method, url, headers, body };
      (this as { lastResponse?: unknown }).lastResponse = undefined;
      this.lastRequest = { method: opts.method, url: opts.uri, params: opts.params, data: opts.data, headers } as never;
      const answered: Dispatched = await dispatcher.dispatch(request, timeout);
      if (answered === "dropped") throw socketHangUp();
      if (answered === "timed-out") throw timedOut(timeout);
      const response = { statusCode: answered.status, body: answered.body, headers: answered.headers };
      this.lastResponse = response as never;
      return response as never;
    }
  }
  return new InProcessRequestClient();
}

const isFormType = (contentType: string | undefined): boolean =>
  contentType?.split(";")[0]?.trim().toLowerCase() === "application/x-www-form-urlencoded";

/**
 * Creates a fake Twilio that answers in process, with no port and no socket: the official twilio
 * SDK through {@link InProcessFakeTwilio.client} (or {@link InProcessFakeTwilio.httpClient}), and
 * `fetch`-style code through {@link InProcessFakeTwilio.handle} or the MSW handlers of
 * `twilio-testkit/msw`. Same seeded store, operations, error bodies and faults as `startFakeTwilio`.
 *
 * @param options - seed, auth token and clock
 * @returns the fake; its `client()` needs the `twilio` package, the rest does not
 * @throws TestkitError `USAGE` for a bad option
 * @example
 * ```ts
 * const fake = await createFakeTwilio({ seed: 1 });
 * const client = fake.client();
 * const conferences = await client.conferences.list({ status: "in-progress" });
 * ```
 */
export async function createFakeTwilio(options: InProcessFakeTwilioOptions = {}): Promise<InProcessFakeTwilio> {
  const world = fakeWorld(options);
  const { store, clock, accountSid, authToken, faults, callbacks } = world;
  const dispatcher = new Dispatcher(store, faults);
  const sdk = await importPeer("twilio", () => import("twilio")).then(
    (module) => (module as { default: typeof TwilioSDK }).default ?? (module as unknown as typeof TwilioSDK),
    (error: unknown) => error as Error,
  );
  let httpClient: TwilioSDK.RequestClient | undefined;
  const requestClient = (): TwilioSDK.RequestClient => {
    if (sdk instanceof Error) throw sdk;
    httpClient ??= inProcessRequestClient(sdk, dispatcher);
    return httpClient;
  };
  return {
    ...world,
    get httpClient() {
      return requestClient();
    },
    client(sid = accountSid, token = authToken) {
      const httpClient = requestClient();
      return (sdk as typeof TwilioSDK)(sid, token, { httpClient });
    },
    async handle(request) {
      const body = request.method === "GET" || request.method === "HEAD" ? undefined : await request.text();
      const answered = await dispatcher.dispatch({
        method: request.method,
        url: request.url,
        headers: Object.fromEntries(request.headers),
        body,
      });
      if (typeof answered === "string") return Response.error();
      const empty = answered.body === "" || answered.status === 204;
      return new Response(empty ? null : answered.body, { status: answered.status, headers: answered.headers });
    },
    close: async () => {
      clock.dispose();
      callbacks.close();
      await dispatcher.close();
    },
  };
}
