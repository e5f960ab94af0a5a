// internal: one HTTP request of a status callback delivery, with node:http / node:https and keep-alive
// agents (about 1.6× the deliveries per second of Node's fetch on this machine), following redirects as
// Twilio does: up to 10, the follow-up a GET without the original parameters (WEBHOOKS.md §1). No
// AbortSignal per request (a timeout signal and its combination with the fake's cost about 50 µs of CPU
// a delivery): the caller ends a request through its {@link InFlight} handle.
import {
  type ClientRequest,
  Agent as HttpAgent,
  request as httpRequest,
  type IncomingMessage,
  type RequestOptions,
} from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";

/** A request to send: absolute http(s) URL without credentials, headers, and a body for a POST. */
export interface OutgoingRequest {
  readonly url: string;
  readonly method: "GET" | "POST";
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | undefined;
}

/** How the receiver answered: its status and the start of its body. */
export interface ReceivedAnswer {
  readonly status: number;
  readonly answer: string;
}

/** The HTTP request of a delivery on its way (the current hop, after redirects): what a timeout or the fake's close destroys. */
export interface InFlight {
  current: ClientRequest | undefined;
}

const MAX_REDIRECTS = 10;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Keep-alive agents: one pair per fake, destroyed when it closes. */
export interface Agents {
  readonly http: HttpAgent;
  readonly https: HttpsAgent;
}

export const createAgents = (): Agents => ({
  http: new HttpAgent({ keepAlive: true }),
  https: new HttpsAgent({ keepAlive: true }),
});

/** Where a URL points, as node:http's options take it (cheaper than passing a URL, which it converts on every request). */
interface Destination {
  readonly secure: boolean;
  readonly hostname: string;
  readonly port: string;
  readonly path: string;
}

/** POST destinations by URL: a callback URL is sent to again and again (a GET's carries its parameters). */
const destinations = new Map<string, Destination>();
const MAX_DESTINATIONS = 1_000;

function destinationOf(url: string, method: OutgoingRequest["method"]): Destination {
  let destination = method === "POST" ? destinations.get(url) : undefined;
  if (destination === undefined) {
    const parsed = new URL(url);
    destination = {
      secure: parsed.protocol === "https:",
      // node:http wants an IPv6 literal without its brackets
      hostname: parsed.hostname.startsWith("[") ? parsed.hostname.slice(1, -1) : parsed.hostname,
      port: parsed.port,
      path: `${parsed.pathname}${parsed.search}`,
    };
    if (method === "POST") {
      if (destinations.size >= MAX_DESTINATIONS) destinations.clear();
      destinations.set(url, destination);
    }
  }
  return destination;
}

function once(agents: Agents, request: OutgoingRequest, inFlight: InFlight, limit: number): Promise<IncomingMessage> {
  const { secure, hostname, port, path } = destinationOf(request.url, request.method);
  const headers =
    request.body === undefined
      ? request.headers
      : { ...request.headers, "content-length": String(Buffer.byteLength(request.body)) };
  const options: RequestOptions = {
    hostname,
    ...(port === "" ? {} : { port }),
    path,
    method: request.method,
    headers,
    agent: secure ? agents.https : agents.http,
  };
  return new Promise<IncomingMessage>((resolve, reject) => {
    const sent = (secure ? httpsRequest : httpRequest)(options, resolve);
    inFlight.current = sent;
    sent.on("error", reject);
    sent.end(request.body);
  }).then((incoming) => {
    const location = incoming.headers.location;
    if (!REDIRECTS.has(incoming.statusCode ?? 0) || location === undefined || limit === 0) return incoming;
    incoming.resume();
    const { "content-type": _, ...headers } = request.headers;
    return once(agents, { url: new URL(location, request.url).href, method: "GET", headers }, inFlight, limit - 1);
  });
}

/** The answer's status and first `limit` characters, once it ended (the rest is drained). */
function answerOf(response: IncomingMessage, limit: number): Promise<ReceivedAnswer> {
  return new Promise((resolve, reject) => {
    let answer = "";
    response.setEncoding("utf8");
    response.on("data", (chunk: string) => {
      if (answer.length < limit) answer += chunk;
    });
    response.on("end", () => resolve({ status: response.statusCode ?? 0, answer: answer.slice(0, limit) }));
    response.on("error", reject);
    response.on("close", () => {
      if (!response.complete) reject(new Error("the answer was cut off"));
    });
  });
}

/**
 * Sends `request` and reads the answer's first `answerLimit` characters (the rest is drained).
 * `inFlight.current` holds the request on its way: destroying it with an error ends the delivery with that error.
 *
 * @throws what node:http throws (`ECONNREFUSED` …), or the error the request was destroyed with
 */
export async function send(
  agents: Agents,
  request: OutgoingRequest,
  inFlight: InFlight,
  answerLimit: number,
): Promise<ReceivedAnswer> {
  try {
    return await answerOf(await once(agents, request, inFlight, MAX_REDIRECTS), answerLimit);
  } finally {
    inFlight.current = undefined;
  }
}
