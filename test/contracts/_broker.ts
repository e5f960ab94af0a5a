// A fake Pact Broker on 127.0.0.1 that records every request and answers the two calls
// `pact broker publish` makes: GET / (the HAL index) and POST to its `pb:publish-contracts` link.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface FakeBroker {
  /** Base URL, e.g. http://127.0.0.1:54321 */
  readonly url: string;
  readonly requests: RecordedRequest[];
  readonly close: () => Promise<void>;
}

/** Makes one path answer an error instead, e.g. 401 on `/` or 409 on `/contracts/publish`. */
export interface BrokerFailure {
  readonly path: "/" | "/contracts/publish";
  readonly status: number;
  readonly body: unknown;
}

/** The broker's answer to a successful publication, shaped like Pact Broker 2.x's (the Pact CLI parses it). */
function published(base: string, request: { pacticipantName: string; pacticipantVersionNumber: string; branch?: string }) {
  const { pacticipantName: name, pacticipantVersionNumber: number, branch } = request;
  const pacticipant = `${base}/pacticipants/${name}`;
  const version = `${pacticipant}/versions/${number}`;
  return {
    notices: [{ type: "success", text: `Created ${name} version ${number} with branch ${branch}` }],
    logs: [{ level: "info", message: `Pact published for ${name} version ${number}`, deprecationWarning: "Replaced by notices" }],
    _embedded: {
      pacticipant: { name, _links: { self: { href: pacticipant } } },
      version: { number, branch, _links: { self: { href: version, name: number, title: "Version" } } },
    },
    _links: {
      "pb:pacticipant": { href: pacticipant, name, title: "Pacticipant" },
      "pb:pacticipant-version": { href: version, name: number, title: "Pacticipant version" },
      "pb:pacticipant-version-tags": [],
      "pb:contracts": [],
    },
  };
}

function listen(server: Server): Promise<number> {
  return new Promise((done) => server.listen(0, "127.0.0.1", () => done((server.address() as AddressInfo).port)));
}

/** Starts the fake broker on an ephemeral port. */
export async function startFakeBroker(failure?: BrokerFailure): Promise<FakeBroker> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      const path = req.url ?? "";
      requests.push({ method: req.method ?? "", path, headers: req.headers, body });
      const base = `http://${req.headers.host}`;
      const answer = (status: number, json: unknown) => res.writeHead(status, { "content-type": "application/hal+json" }).end(JSON.stringify(json));
      if (failure?.path === path) return answer(failure.status, failure.body);
      if (req.method === "GET" && path === "/") return answer(200, { _links: { self: { href: base }, "pb:publish-contracts": { href: `${base}/contracts/publish`, title: "Publish contracts" } } });
      if (req.method === "POST" && path === "/contracts/publish") return answer(200, published(base, JSON.parse(body)));
      answer(404, { error: `no route ${req.method} ${path}` });
    });
  });
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((done) => server.close(() => done())) };
}

/** A port on 127.0.0.1 that nothing listens on: bound once, then closed. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await listen(server);
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}
