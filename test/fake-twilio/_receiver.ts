// A local callback receiver for tests: node:http on 127.0.0.1 that records every request it gets and
// answers as told; it stops by itself after the test (`close()` in afterEach, or `await using`).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import twilio from "twilio";

/** One request the receiver got. */
export interface Received {
  readonly method: string;
  /** Path and query, as requested */
  readonly path: string;
  readonly headers: IncomingMessage["headers"];
  readonly body: string;
}

export interface Receiver {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly received: Received[];
  close(): Promise<void>;
}

/** A received request's parameters as a receiver decodes them, in order: the form body of a POST, the query of a GET. */
export function paramPairsOf(method: string, path: string, body: string): Array<[string, string]> {
  return [...(method === "GET" ? new URL(path, "http://x").searchParams : new URLSearchParams(body))];
}

/** A received request's parameters by name: {@link paramPairsOf} as a record. */
export const paramsOf = (method: string, path: string, body: string): Record<string, string> =>
  Object.fromEntries(paramPairsOf(method, path, body));

/**
 * Whether twilio's own `validateRequest` accepts a received request's `X-Twilio-Signature`, signed with `authToken`
 * for the URL it was sent to (`origin` plus its path; a GET's query included, as its parameters).
 */
export function twilioAccepts(received: Received, origin: string, authToken: string): boolean {
  const { method, path, headers, body } = received;
  const url = `${origin}${method === "GET" ? path : (path.split("?")[0] ?? "")}`;
  const params = method === "GET" ? {} : paramsOf(method, path, body);
  return twilio.validateRequest(authToken, String(headers["x-twilio-signature"]), url, params);
}

/**
 * Starts a receiver on a free port of 127.0.0.1.
 *
 * @param answer - how to answer each request (default: 204 No Content)
 */
export async function startReceiver(
  answer: (request: Received, response: ServerResponse) => void = (_, response) => {
    response.statusCode = 204;
    response.end();
  },
): Promise<Receiver> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const got = {
        method: request.method ?? "",
        path: request.url ?? "",
        headers: request.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      received.push(got);
      answer(got, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
