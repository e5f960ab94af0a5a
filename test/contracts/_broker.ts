// A fake Pact Broker on 127.0.0.1 that records every request and answers what the official Pact CLI
// and the Rust verifier (inside pact-js's Verifier) ask of a Pact Broker 2.x:
//   pact broker publish            GET /, POST pb:publish-contracts (the pacts published are then served to the verifier)
//   pact broker can-i-deploy       GET /matrix?q[][pacticipant]=…&q[][version]=…&latestby=cvpv&environment=… (400 for an
//                                  unknown environment, "no" with Pact Broker's reason for an unknown version)
//   pact broker record-deployment  GET /pacticipants/{p}/versions/{v} (its pb:record-deployment links, one
//                                  per environment), POST the link named after the environment
//   pact broker create-environment GET /, POST pb:environments (400 when the name is taken, as Pact Broker 2.x)
//   Verifier (from a broker)       GET /, GET and POST pb:provider-pacts-for-verification, GET each pact
//                                  (with pb:publish-verification-results and pb:provider), GET pb:provider,
//                                  PUT its pb:branch-version (providerVersionBranch), POST the verification result
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";

/** One request the fake broker received, as sent. */
export interface RecordedRequest {
  readonly method: string;
  /** Path and query as sent, e.g. `/matrix?q[][pacticipant]=conference-app&…` */
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** A pact file's JSON, as the consumer tests write them to contracts/. */
export interface PactDocument {
  readonly consumer: { readonly name: string };
  readonly provider: { readonly name: string };
  readonly [key: string]: unknown;
}

/** A verification result the verifier posted to a pact's `pb:publish-verification-results` link. */
export interface RecordedVerification {
  readonly consumer: string;
  readonly provider: string;
  readonly success: boolean;
  readonly providerApplicationVersion: string;
  /** The branch the verifier put that provider version on (PUT to `pb:branch-version`), if any */
  readonly branch: string | undefined;
  /** The whole body posted: `verifiedBy`, `testResults`, … */
  readonly body: Readonly<Record<string, unknown>>;
}

/** A running fake broker. */
export interface FakeBroker {
  /** Base URL, e.g. http://127.0.0.1:54321 */
  readonly url: string;
  /** Every request received, in order */
  readonly requests: RecordedRequest[];
  /** The verification results received so far, in order */
  readonly verifications: () => RecordedVerification[];
  readonly close: () => Promise<void>;
}

/** Makes matching requests answer an error instead, e.g. 401 on `/` or 409 on a record-deployment link. */
export interface BrokerFailure {
  /** The path without its query: equal to the string, or matching the RegExp */
  readonly path: string | RegExp;
  /** Only this method; default every method */
  readonly method?: string;
  readonly status: number;
  /** The JSON body, or a function of the request (e.g. one that echoes its Authorization header) */
  readonly body: unknown;
  /** Extra response headers, e.g. a redirect's `location`, from the request */
  readonly headers?: (request: RecordedRequest) => Record<string, string>;
}

/** How the fake broker answers; by default every route succeeds and there are no pacts to verify. */
export interface FakeBrokerOptions {
  /** One route that fails instead, e.g. 401 or 409 */
  readonly failure?: BrokerFailure;
  /** What the can-i-deploy matrix says; default true */
  readonly deployable?: boolean;
  /**
   * The environments the broker knows, default `test` and `production`: a version can be recorded as
   * deployed to them and can-i-deploy asked about them; `pb:environments` adds to them
   */
  readonly environments?: readonly string[];
  /** The versions the broker knows (can-i-deploy says it knows no other); default every version */
  readonly versions?: readonly string[];
  /** Pacts served to the verifier through `pb:provider-pacts-for-verification`; those published are added */
  readonly pacts?: readonly PactDocument[];
  /** Whether those pacts are pending (their failures do not fail the provider's build) */
  readonly pending?: boolean;
  /** Milliseconds each answer waits, as a broker across a network would; default 0 */
  readonly delayMs?: number;
}

type Json = Record<string, unknown>;
/** A status and a JSON body. */
type Reply = readonly [number, unknown];

/** The id of every deployment recorded. */
const DEPLOYED_VERSION = "3b5e0c1a-0000-4000-8000-000000000001";
const VERIFICATION_RESULTS =
  /^\/pacts\/provider\/([^/]+)\/consumer\/([^/]+)\/pact-version\/[^/]+\/verification-results$/;
const BRANCH_VERSION = /^\/pacticipants\/([^/]+)\/branches\/([^/]+)\/versions\/([^/]+)$/;
const VERSION = /^\/pacticipants\/[^/]+\/versions\/[^/]+$/;
const RECORD_DEPLOYMENT = /^\/pacticipants\/[^/]+\/versions\/[^/]+\/deployed-versions\/environment\/[^/]+$/;

/**
 * The broker's answer to a successful publication, shaped like Pact Broker 2.x's (the Pact CLI
 * parses it); the published pacts replace those of the same consumer and provider for the verifier.
 */
function published(
  base: string,
  request: {
    pacticipantName: string;
    pacticipantVersionNumber: string;
    branch?: string;
    contracts?: Array<{ content: string }>;
  },
  pacts: PactDocument[],
) {
  const { pacticipantName: name, pacticipantVersionNumber: number, branch } = request;
  for (const { content } of request.contracts ?? []) {
    const pact = JSON.parse(Buffer.from(content, "base64").toString("utf8")) as PactDocument;
    const same = pacts.findIndex(
      (p) => p.consumer.name === pact.consumer.name && p.provider.name === pact.provider.name,
    );
    pacts.splice(same === -1 ? pacts.length : same, same === -1 ? 0 : 1, pact);
  }
  const pacticipant = `${base}/pacticipants/${name}`;
  const version = `${pacticipant}/versions/${number}`;
  return {
    notices: [{ type: "success", text: `Created ${name} version ${number} with branch ${branch}` }],
    logs: [
      {
        level: "info",
        message: `Pact published for ${name} version ${number}`,
        deprecationWarning: "Replaced by notices",
      },
    ],
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

/** The `/matrix` answer for one pacticipant version against the versions in an environment, as Pact Broker 2.x words it. */
function matrix(
  base: string,
  query: URLSearchParams,
  options: FakeBrokerOptions,
  environments: readonly string[],
): Reply {
  const consumer = query.get("q[][pacticipant]") ?? "";
  const version = query.get("q[][version]") ?? "1.0.0";
  const environment = query.get("environment");
  if (environment !== null && !environments.includes(environment))
    return [400, { errors: [`Environment with name '${environment}' does not exist`] }];
  if (options.versions && !options.versions.includes(version)) {
    const reason = `No pacts or verifications have been published for version ${version} of ${consumer}`;
    return [
      200,
      {
        summary: { deployable: false, reason, success: 0, failed: 0, unknown: 1 },
        notices: [{ type: "error", text: reason }],
        matrix: [],
      },
    ];
  }
  const deployable = options.deployable ?? true;
  const provider = consumer === "twilio-voice-api" ? "conference-app" : "twilio-voice-api";
  const reason = deployable
    ? "All required verification results are published and successful"
    : `The verification for the pact between ${consumer} (${version}) and ${provider} (2.0.0) failed`;
  const answer = {
    summary: { deployable, reason, success: deployable ? 1 : 0, failed: deployable ? 0 : 1, unknown: 0 },
    notices: [{ type: deployable ? "success" : "error", text: reason }],
    matrix: [
      {
        consumer: { name: consumer, version: { number: version } },
        provider: { name: provider, version: { number: "2.0.0" } },
        verificationResult: { success: deployable, _links: { self: { href: `${base}/verification-results/1` } } },
      },
    ],
  };
  return [200, answer];
}

/** A version resource whose `pb:record-deployment` links name the known environments. */
function version(base: string, path: string, environments: readonly string[]) {
  return {
    _links: {
      self: { href: `${base}${path}` },
      "pb:record-deployment": environments.map((name) => ({
        name,
        title: `Record deployment to ${name}`,
        href: `${base}${path}/deployed-versions/environment/${encodeURIComponent(name)}`,
      })),
    },
  };
}

const pactId = (pact: PactDocument) => createHash("sha1").update(JSON.stringify(pact)).digest("hex");

/** The verifier's resources: the pacts for a provider, each pact, the provider and its branch links. */
function verifierReply(
  base: string,
  method: string,
  path: string,
  pacts: readonly PactDocument[],
  pending: boolean,
): Reply | undefined {
  const pactUrl = (pact: PactDocument) =>
    `${base}/pacts/provider/${encodeURIComponent(pact.provider.name)}/consumer/${encodeURIComponent(pact.consumer.name)}/pact-version/${pactId(pact)}`;
  const self = { self: { href: `${base}${path}` } };
  const forVerification = /^\/pacts\/provider\/([^/]+)\/for-verification$/.exec(path);
  if (forVerification && method === "GET") return [200, { _links: self }];
  if (forVerification && method === "POST") {
    const provider = decodeURIComponent(forVerification[1] ?? "");
    const embedded = pacts
      .filter((pact) => pact.provider.name === provider)
      .map((pact) => ({
        shortDescription: "latest from main branch",
        verificationProperties: {
          pending,
          notices: [{ when: "before_verification", text: `The pact at ${pactUrl(pact)} is being verified` }],
        },
        _links: { self: { href: pactUrl(pact), name: `Pact between ${pact.consumer.name} and ${provider}` } },
      }));
    return [200, { _embedded: { pacts: embedded }, _links: self }];
  }
  const pact = method === "GET" ? pacts.find((p) => `${base}${path}` === pactUrl(p)) : undefined;
  if (pact) {
    const pacticipant = (name: string) => `${base}/pacticipants/${encodeURIComponent(name)}`;
    const links = {
      ...self,
      "pb:publish-verification-results": {
        title: "Publish verification results",
        href: `${pactUrl(pact)}/verification-results`,
      },
      "pb:provider": { title: "Provider", name: pact.provider.name, href: pacticipant(pact.provider.name) },
      "pb:consumer": { title: "Consumer", name: pact.consumer.name, href: pacticipant(pact.consumer.name) },
    };
    return [200, { ...pact, _links: links }];
  }
  if (method === "POST" && VERIFICATION_RESULTS.test(path))
    return [201, { _links: { self: { href: `${base}${path}/1` } } }];
  if (method === "GET" && /^\/pacticipants\/[^/]+$/.test(path))
    return [
      200,
      {
        name: decodeURIComponent(path.slice("/pacticipants/".length)),
        _links: {
          ...self,
          "pb:branch-version": { href: `${base}${path}/branches/{branch}/versions/{version}`, templated: true },
        },
      },
    ];
  if (method === "PUT" && BRANCH_VERSION.test(path)) return [200, { _links: self }];
  return undefined;
}

/** Reads the verification results out of the recorded requests, with the branch each provider version was put on. */
function verificationsIn(requests: readonly RecordedRequest[]): RecordedVerification[] {
  const branches = new Map<string, string>();
  for (const { method, path } of requests) {
    const put = method === "PUT" ? BRANCH_VERSION.exec(path) : null;
    if (put)
      branches.set(
        `${decodeURIComponent(put[1] ?? "")} ${decodeURIComponent(put[3] ?? "")}`,
        decodeURIComponent(put[2] ?? ""),
      );
  }
  return requests.flatMap(({ method, path, body }) => {
    const post = method === "POST" ? VERIFICATION_RESULTS.exec(path) : null;
    if (!post) return [];
    const result = JSON.parse(body) as Json & { success: boolean; providerApplicationVersion: string };
    const provider = decodeURIComponent(post[1] ?? "");
    const { success, providerApplicationVersion } = result;
    return [
      {
        consumer: decodeURIComponent(post[2] ?? ""),
        provider,
        success,
        providerApplicationVersion,
        branch: branches.get(`${provider} ${providerApplicationVersion}`),
        body: result,
      },
    ];
  });
}

function listen(server: Server): Promise<number> {
  return new Promise((done) => server.listen(0, "127.0.0.1", () => done((server.address() as AddressInfo).port)));
}

/** Whether the failure applies to a request. */
const fails = (failure: BrokerFailure | undefined, method: string, path: string): failure is BrokerFailure =>
  failure !== undefined &&
  (failure.method ?? method) === method &&
  (typeof failure.path === "string" ? failure.path === path : failure.path.test(path));

/** Pact Broker 2.x's answers to `POST pb:environments`: 201, or 400 when the name is taken. */
function createEnvironment(base: string, body: string, environments: string[]): Reply {
  const { name, production = false } = JSON.parse(body) as { name: string; production?: boolean };
  if (environments.includes(name))
    return [400, { errors: { name: [`name '${name}' is already used by an existing environment.`] } }];
  environments.push(name);
  const uuid = createHash("sha1").update(name).digest("hex");
  return [201, { uuid, name, production, _links: { self: { href: `${base}/environments/${uuid}` } } }];
}

/** What the broker answers to one request. */
function reply(
  options: FakeBrokerOptions,
  state: { environments: string[]; pacts: PactDocument[] },
  base: string,
  method: string,
  url: URL,
  body: string,
): Reply {
  const { environments, pacts } = state;
  const path = url.pathname;
  if (method === "GET" && path === "/")
    return [
      200,
      {
        _links: {
          self: { href: base },
          "pb:publish-contracts": { href: `${base}/contracts/publish`, title: "Publish contracts" },
          "pb:environments": { href: `${base}/environments`, title: "Environments" },
          "pb:provider-pacts-for-verification": {
            href: `${base}/pacts/provider/{provider}/for-verification`,
            title: "Pact versions to be verified for the specified provider",
            templated: true,
          },
        },
      },
    ];
  if (method === "POST" && path === "/contracts/publish") return [200, published(base, JSON.parse(body), pacts)];
  if (method === "POST" && path === "/environments") return createEnvironment(base, body, environments);
  if (method === "GET" && path === "/matrix") return matrix(base, url.searchParams, options, environments);
  if (method === "GET" && VERSION.test(path)) return [200, version(base, path, environments)];
  if (method === "POST" && RECORD_DEPLOYMENT.test(path))
    return [
      201,
      {
        uuid: DEPLOYED_VERSION,
        currentlyDeployed: true,
        _links: { self: { href: `${base}/deployed-versions/${DEPLOYED_VERSION}` } },
      },
    ];
  return (
    verifierReply(base, method, path, pacts, options.pending ?? false) ?? [404, { error: `no route ${method} ${path}` }]
  );
}

/**
 * Starts the fake broker on an ephemeral port.
 *
 * @example
 * ```ts
 * const broker = await startFakeBroker({ pacts: await readPacts("contracts") });
 * // … run the Pact CLI or a Verifier against broker.url …
 * expect(broker.verifications()).toMatchObject([{ success: true, branch: "main" }]);
 * await broker.close();
 * ```
 */
export async function startFakeBroker(options: FakeBrokerOptions = {}): Promise<FakeBroker> {
  const requests: RecordedRequest[] = [];
  const state = {
    environments: [...(options.environments ?? ["test", "production"])],
    pacts: [...(options.pacts ?? [])],
  };
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      const method = req.method ?? "";
      const base = `http://${req.headers.host}`;
      const request = { method, path: req.url ?? "", headers: req.headers, body };
      requests.push(request);
      const url = new URL(req.url ?? "/", base);
      const { failure } = options;
      if (fails(failure, method, url.pathname)) {
        const failed =
          typeof failure.body === "function"
            ? (failure.body as (r: RecordedRequest) => unknown)(request)
            : failure.body;
        res
          .writeHead(failure.status, { "content-type": "application/hal+json", ...failure.headers?.(request) })
          .end(JSON.stringify(failed));
        return;
      }
      const [status, json] = reply(options, state, base, method, url, body);
      const answer = () => res.writeHead(status, { "content-type": "application/hal+json" }).end(JSON.stringify(json));
      if (options.delayMs) setTimeout(answer, options.delayMs);
      else answer();
    });
  });
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    verifications: () => verificationsIn(requests),
    close: () => new Promise((done) => server.close(() => done())),
  };
}

/** The pact files (`*.json`) in a folder, e.g. the repo's contracts/, to serve with `pacts`. */
export async function readPacts(dir: string): Promise<PactDocument[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith(".json")).sort();
  return Promise.all(names.map(async (name) => JSON.parse(await readFile(join(dir, name), "utf8")) as PactDocument));
}

/** A port on 127.0.0.1 that nothing listens on: bound once, then closed. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await listen(server);
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}
