// Bad requests to every route of the fake Twilio: each row gets its status and Twilio error (code,
// message), always as Twilio's `{ code, message, more_info, status }` under application/json with no
// stack trace, and leaves the store as it was.
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OPERATIONS, type Operation } from "../../src/catalogue/operations.js";
import { participantPageFactory } from "../../src/factories/pages.js";
import { streamFactory } from "../../src/factories/stream.js";
import { startFakeTwilio, type FakeTwilio } from "../../src/fake-twilio/index.js";
import { validateResource } from "../../src/validate/validate.js";
import { expectNoStackTrace } from "./_expect.js";

let fake: FakeTwilio;
/** Values that address existing resources: the seeded account, an in-progress conference, one of its participants, a stream on that call. */
let known: Record<"AccountSid" | "ConferenceSid" | "CallSid" | "StreamSid", string>;

/** A fake seeded as every fake of this file: the same seed gives the same SIDs, plus a stream on the first participant's call of an in-progress conference. */
async function seededFake(): Promise<FakeTwilio> {
  const started = await startFakeTwilio({ seed: 8 });
  const accountSid = started.accountSid;
  const conference = started.store
    .conferences(accountSid)
    .find((c) => c.status === "in-progress" && started.store.participants(accountSid, c.sid).length > 0);
  const participant = conference && started.store.participants(accountSid, conference.sid)[0];
  if (!conference || !participant) throw new Error("the seeded store has no in-progress conference with participants");
  const stream = started.store.putStream(streamFactory.seed(3).forCall(participant).traits("in-progress").build());
  known = {
    AccountSid: accountSid,
    ConferenceSid: conference.sid,
    CallSid: participant.call_sid,
    StreamSid: stream.sid,
  };
  return started;
}

beforeAll(async () => {
  fake = await seededFake();
});

afterAll(() => fake.close());

const STRANGER = `AC${"0123456789abcdef".repeat(2)}`;
const basic = (user: string, password: string): string =>
  `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
const FORM = "application/x-www-form-urlencoded";

/** Everything a row may change, as text: every conference of the account and of the stranger, its participants, the stream. */
function storeState(): string {
  const accounts = [known.AccountSid, STRANGER].map((account) =>
    fake.store.conferences(account).map((c) => ({ c, participants: fake.store.participants(account, c.sid) })),
  );
  return JSON.stringify({
    accounts,
    stream: fake.store.stream(known.AccountSid, known.CallSid, known.StreamSid),
    tokens: [fake.store.authTokenOf(known.AccountSid), fake.store.authTokenOf(STRANGER)],
  });
}

type Auth = "valid" | "none" | "wrong token" | "another account" | "bearer" | "as the path's account";

/** One bad request and what the fake must answer. */
interface Row {
  readonly name: string;
  readonly method: string;
  /** A path template such as the catalogue's, `{AccountSid}` and the like filled from `params`, else from {@link known} */
  readonly path: string;
  readonly params?: Readonly<Record<string, string>>;
  readonly query?: string;
  readonly auth?: Auth;
  readonly contentType?: string;
  readonly body?: string;
  readonly status: number;
  readonly code: number;
  readonly message: RegExp;
  /** For 405: the methods the path takes */
  readonly allow?: readonly string[];
}

/** A placeholder's meaning depends on the operation: `{Sid}` is a stream's for UpdateStream, else a conference's. */
const placeholderValue = (operation: string | undefined, name: string): string => {
  if (name === "Sid") return operation === "UpdateStream" ? known.StreamSid : known.ConferenceSid;
  return known[name as keyof typeof known];
};

function urlOf(row: Row, operation: string | undefined): { path: string; accountSid: string } {
  const values: Record<string, string> = {};
  const path = row.path.replace(
    /\{(\w+)\}/g,
    (_, name: string) => (values[name] = row.params?.[name] ?? placeholderValue(operation, name)),
  );
  return { path, accountSid: values.AccountSid ?? known.AccountSid };
}

function authorization(auth: Auth, pathAccount: string, token: string): string | undefined {
  switch (auth) {
    case "valid":
      return basic(known.AccountSid, token);
    case "none":
      return undefined;
    case "wrong token":
      return basic(known.AccountSid, "not-the-token");
    case "another account":
      return basic(STRANGER, token);
    case "bearer":
      return `Bearer ${token}`;
    case "as the path's account":
      return basic(pathAccount, token);
  }
}

/** Sends a row with node:http, which (unlike fetch) sends whatever a client might: a body on GET, any method. */
async function send(row: Row, operation?: string, target: FakeTwilio = fake) {
  const { path, accountSid } = urlOf(row, operation);
  const headers: Record<string, string> = {};
  const auth = authorization(row.auth ?? "valid", accountSid, target.authToken);
  if (auth !== undefined) headers.authorization = auth;
  if (row.contentType !== undefined) headers["content-type"] = row.contentType;
  if (row.body !== undefined) headers["content-length"] = String(Buffer.byteLength(row.body));
  const url = new URL(`${target.url}${path}${row.query === undefined ? "" : `?${row.query}`}`);
  return new Promise<{ status: number; contentType: string | undefined; allow: string | undefined; text: string }>(
    (resolve, reject) => {
      const req = request(url, { method: row.method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: res.headers["content-type"],
            allow: res.headers.allow,
            text: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        res.on("error", reject);
      });
      // The fake may answer (413, 431) and close before it has read all of a huge body: a write error then is not the answer.
      req.on("error", reject);
      req.end(row.body);
    },
  );
}

/** Sends a row and checks the answer: status, Twilio's error body and nothing else in it, no stack trace, the store unchanged. */
async function expectTwilioError(row: Row, operation?: string): Promise<void> {
  const before = storeState();
  const reply = await send(row, operation);
  expect({ status: reply.status, contentType: reply.contentType }).toEqual({
    status: row.status,
    contentType: "application/json",
  });
  expectNoStackTrace(reply.text);
  const body = JSON.parse(reply.text) as Record<string, unknown>;
  expect(Object.keys(body).sort()).toEqual(["code", "message", "more_info", "status"]);
  expect(body).toMatchObject({
    status: row.status,
    code: row.code,
    more_info: `https://www.twilio.com/docs/errors/${row.code}`,
  });
  expect(body.message).toMatch(row.message);
  expect(validateResource("error", body, { profile: "strict" }).ok).toBe(true);
  if (row.allow) expect(reply.allow?.split(", ").sort()).toEqual([...row.allow].sort());
  expect(storeState()).toEqual(before);
}

const AUTHENTICATE = /^Authenticate$/;
const NOT_FOUND = /^The requested resource \/2010-04-01\/Accounts\/AC\w+\/\S+ was not found$/;
const PARAMETER = (text: string) => new RegExp(`^Invalid parameter: .*${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`);

/** A well-formed body for each operation that takes one, so that a row changes one thing only. */
const GOOD_BODY: Partial<Record<string, Record<string, string>>> = {
  CreateParticipant: { From: "+15017122661", To: "+15558675310" },
  UpdateParticipant: { Muted: "true" },
  UpdateConference: { AnnounceUrl: "https://example.com/announce.xml" },
  CreateStream: { Url: "wss://example.com/stream" },
  UpdateStream: { Status: "stopped" },
};

/** A bad value for each operation that takes parameters: [where, the parameters, the message]. */
const BAD_VALUE: Partial<Record<string, readonly [string, Record<string, string>, RegExp]>> = {
  CreateParticipant: [
    "body",
    { From: "+15017122661", To: "+15558675310", Muted: "maybe" },
    PARAMETER("Muted must be boolean"),
  ],
  ListParticipant: ["query", { Hold: "maybe" }, PARAMETER("Hold must be boolean")],
  UpdateParticipant: ["body", { Hold: "sometimes" }, PARAMETER("Hold must be boolean")],
  UpdateConference: ["body", { Status: "ended" }, PARAMETER('Status must be one of "completed"')],
  ListConference: [
    "query",
    { Status: "ringing" },
    PARAMETER('Status must be one of "init", "in-progress", "completed"'),
  ],
  CreateStream: [
    "body",
    { Url: "wss://example.com/stream", Track: "sideways" },
    PARAMETER('Track must be one of "inbound_track", "outbound_track", "both_tracks"'),
  ],
  UpdateStream: ["body", { Status: "running" }, PARAMETER('Status must be one of "stopped"')],
};

/** A valid page far down its list: the fake would have to hold 10,050 copies before it. */
const FAR_PAGE = participantPageFactory.seed(4).answering({ PageSize: 50, Page: 201 }).ofTotal(10_051).build();

/** Keys that name properties of every plain object: parameters so named are unknown keys like any other. */
const PROTOTYPE_KEYS = ["__proto__", "constructor", "toString", "hasOwnProperty"] as const;

/** Placeholders, each with a malformed value and a well-formed one that names nothing. */
const MALFORMED: Record<string, string> = { ConferenceSid: "CF123", CallSid: "CA123", Sid: "XX123" };
const ABSENT: Record<string, string> = {
  ConferenceSid: `CF${"f".repeat(32)}`,
  CallSid: `CA${"f".repeat(32)}`,
  Sid: `MZ${"f".repeat(32)}`,
};
const absentFor = (operation: string, name: string): string =>
  name === "Sid" && operation !== "UpdateStream" ? `CF${"f".repeat(32)}` : (ABSENT[name] ?? "");

const placeholders = (op: Operation): string[] => [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "");
const pathsMethods = (op: Operation): string[] => OPERATIONS.filter((o) => o.path === op.path).map((o) => o.method);
const form = (values: Record<string, string>): string => new URLSearchParams(values).toString();

/** Every bad request for one operation. */
function rowsFor(op: Operation): Row[] {
  const base = { method: op.method, path: op.path };
  const good = GOOD_BODY[op.operationId];
  const withBody = good ? { contentType: FORM, body: form(good) } : {};
  const rows: Row[] = [
    // authentication comes first, whatever else is wrong
    ...(["none", "wrong token", "another account", "bearer"] as const).map(
      (auth): Row => ({
        name: `auth: ${auth}`,
        ...base,
        ...withBody,
        auth,
        status: 401,
        code: 20003,
        message: AUTHENTICATE,
      }),
    ),
    {
      name: "auth: none, and a bad SID too",
      ...base,
      ...withBody,
      auth: "none",
      params: { AccountSid: "AC123" },
      status: 401,
      code: 20003,
      message: AUTHENTICATE,
    },
    {
      name: "a malformed AccountSid (credentials for it)",
      ...base,
      ...withBody,
      auth: "as the path's account",
      params: { AccountSid: "AC123" },
      status: 401,
      code: 20003,
      message: AUTHENTICATE,
    },
    {
      name: "an account the fake does not hold (credentials for it)",
      ...base,
      ...withBody,
      auth: "as the path's account",
      params: { AccountSid: STRANGER },
      status: 401,
      code: 20003,
      message: AUTHENTICATE,
    },
  ];
  for (const name of placeholders(op).filter((n) => n !== "AccountSid")) {
    // CreateParticipant's {ConferenceSid} may be a friendly name (twilio-node's createWithFriendlyName): no value of it is malformed.
    if (!(op.operationId === "CreateParticipant" && name === "ConferenceSid"))
      rows.push({
        name: `a malformed ${name} (${MALFORMED[name]})`,
        ...base,
        ...withBody,
        params: { [name]: MALFORMED[name] ?? "" },
        status: 404,
        code: 20404,
        message: NOT_FOUND,
      });
    rows.push({
      name: `an unknown ${name}`,
      ...base,
      ...withBody,
      params: { [name]: absentFor(op.operationId, name) },
      status: 404,
      code: 20404,
      message: NOT_FOUND,
    });
  }
  const bad = BAD_VALUE[op.operationId];
  if (bad) {
    const [where, values, message] = bad;
    rows.push(
      where === "query"
        ? { name: "an invalid query value", ...base, query: form(values), status: 400, code: 20001, message }
        : {
            name: "an invalid form value",
            ...base,
            contentType: FORM,
            body: form(values),
            status: 400,
            code: 20001,
            message,
          },
    );
  }
  if (good) {
    rows.push(
      {
        name: "an unknown form field",
        ...base,
        contentType: FORM,
        body: form({ ...good, Volume: "11" }),
        status: 400,
        code: 20001,
        message: PARAMETER("Volume is not a documented field"),
      },
      {
        name: "an unknown query parameter",
        ...base,
        ...withBody,
        query: "Volume=11",
        status: 400,
        code: 20001,
        message: PARAMETER("Volume is not a"),
      },
      ...PROTOTYPE_KEYS.map(
        (key): Row => ({
          name: `a form field named ${key}`,
          ...base,
          contentType: FORM,
          body: `${form(good)}&${key}=1&${key}=2`,
          status: 400,
          code: 20001,
          message: PARAMETER(`${key} is not a documented field`),
        }),
      ),
      {
        name: "a JSON body of the same fields",
        ...base,
        contentType: "application/json",
        body: JSON.stringify(good),
        status: 400,
        code: 20001,
        message:
          /^Invalid parameter: parameters must be the fields of a form \(application\/x-www-form-urlencoded\), not application\/json$/,
      },
      {
        name: "a text/plain body",
        ...base,
        contentType: "text/plain",
        body: form(good),
        status: 400,
        code: 20001,
        message:
          /^Invalid parameter: parameters must be the fields of a form \(application\/x-www-form-urlencoded\), not text\/plain$/,
      },
      {
        name: "an XML body",
        ...base,
        contentType: "application/xml",
        body: "<Muted>true</Muted>",
        status: 400,
        code: 20001,
        message: /^Invalid request: Unsupported Media Type$/,
      },
      {
        name: "a malformed form body",
        ...base,
        contentType: FORM,
        body: "%ZZ=%E0%A4%A&&=",
        status: 400,
        code: 20001,
        message: PARAMETER("%ZZ is not a documented field"),
      },
      {
        name: "a malformed JSON body",
        ...base,
        contentType: "application/json",
        body: "{Muted: true",
        status: 400,
        code: 20001,
        message: /^Invalid request: Body is not valid JSON but content-type is set to 'application\/json'$/,
      },
      {
        name: "a body over 1 MB",
        ...base,
        contentType: FORM,
        body: form({ ...good, AnnounceUrl: `https://example.com/${"a".repeat(1_100_000)}` }),
        status: 400,
        code: 20001,
        message: /^Invalid request: Request body is too large$/,
      },
    );
  } else {
    rows.push(
      {
        name: "an unknown query parameter",
        ...base,
        query: "Volume=11",
        status: 400,
        code: 20001,
        message: PARAMETER("Volume is not a"),
      },
      op.method === "GET"
        ? {
            name: "a form body, which it takes none of",
            ...base,
            contentType: FORM,
            body: "Muted=true",
            status: 400,
            code: 20001,
            message: new RegExp(
              `^Invalid parameter: ${op.operationId} takes no body; send its parameters in the query$`,
            ),
          }
        : {
            name: "a form body, which it takes none of",
            ...base,
            contentType: FORM,
            body: "Muted=true",
            status: 400,
            code: 20001,
            message: PARAMETER(`Muted is not a body parameter of ${op.operationId}`),
          },
    );
  }
  rows.push(
    ...PROTOTYPE_KEYS.map(
      (key): Row => ({
        name: `a query key named ${key}`,
        ...base,
        ...withBody,
        query: `${key}=1&${key}=2`,
        status: 400,
        code: 20001,
        message: PARAMETER(`${key} is not a`),
      }),
    ),
  );
  if (op.operationId.startsWith("List"))
    rows.push({
      name: "a Page too large to answer",
      ...base,
      query: "PageSize=1000&Page=99999999999999999999",
      status: 400,
      code: 20001,
      message: /^Invalid parameter: Page is too large/,
    });
  const allow = pathsMethods(op);
  for (const method of ["PUT", "PATCH", "OPTIONS"])
    rows.push({
      name: `${method}, which the path does not take`,
      method,
      path: op.path,
      status: 405,
      code: 20004,
      message: /^Method not allowed$/,
      allow,
    });
  return rows;
}

const A = "/2010-04-01/Accounts/{AccountSid}";

/** Requests no catalogued operation answers, and what HTTP refuses before any route. */
const OTHER_ROWS: readonly Row[] = [
  {
    name: "the root",
    method: "GET",
    path: "/",
    status: 404,
    code: 20404,
    message: /^The requested resource \/ was not found$/,
  },
  {
    name: "the API version alone",
    method: "GET",
    path: "/2010-04-01",
    status: 404,
    code: 20404,
    message: /^The requested resource \/2010-04-01 was not found$/,
  },
  {
    name: "a resource the fake does not have",
    method: "GET",
    path: `${A}/Recordings.json`,
    status: 404,
    code: 20404,
    message: NOT_FOUND,
  },
  {
    name: "a conference without .json",
    method: "GET",
    path: `${A}/Conferences/{ConferenceSid}`,
    status: 404,
    code: 20404,
    message: NOT_FOUND,
  },
  {
    name: "a trailing slash",
    method: "GET",
    path: `${A}/Conferences/{ConferenceSid}.json/`,
    status: 404,
    code: 20404,
    message: NOT_FOUND,
  },
  {
    name: "streams under a conference",
    method: "GET",
    path: `${A}/Conferences/{ConferenceSid}/Participants/{CallSid}/Streams.json`,
    status: 404,
    code: 20404,
    message: NOT_FOUND,
  },
  {
    name: "a path that does not decode (%ZZ)",
    method: "GET",
    path: `${A}/Conferences/%ZZ.json`,
    status: 404,
    code: 20404,
    message: /^The requested resource \/2010-04-01\/Accounts\/AC\w+\/Conferences\/%ZZ\.json was not found$/,
  },
  {
    name: "a path segment over 100 characters",
    method: "GET",
    path: `${A}/Conferences/CF${"0".repeat(200)}.json`,
    status: 404,
    code: 20404,
    message: NOT_FOUND,
  },
  {
    name: "a request line over 16 KB",
    method: "GET",
    path: `${A}/Conferences.json`,
    query: "Status=completed&".repeat(1_200),
    status: 431,
    code: 20001,
    message: /^Invalid request: the request line and headers are too large$/,
  },
  {
    name: "GET of the stream list, which only takes POST",
    method: "GET",
    path: `${A}/Calls/{CallSid}/Streams.json`,
    status: 405,
    code: 20004,
    message: /^Method not allowed$/,
    allow: ["POST"],
  },
  {
    name: "GET of the provider-state endpoint",
    method: "GET",
    path: "/_pact/provider-states",
    status: 405,
    code: 20004,
    message: /^Method not allowed$/,
    allow: ["POST"],
  },
  {
    name: "a provider state that is not JSON",
    method: "POST",
    path: "/_pact/provider-states",
    contentType: "application/json",
    body: "{state:",
    status: 400,
    code: 20001,
    message: /^Invalid request: Body is not valid JSON/,
  },
  {
    name: "an unknown provider state",
    method: "POST",
    path: "/_pact/provider-states",
    contentType: "application/json",
    body: JSON.stringify({ state: "a quiet day" }),
    status: 400,
    code: 20001,
    message: /^Failed to set up provider state "a quiet day": unknown state; known states are "a conference exists", /,
  },
  ...PROTOTYPE_KEYS.map(
    (key): Row => ({
      name: `a provider state named ${key}`,
      method: "POST",
      path: "/_pact/provider-states",
      contentType: "application/json",
      body: JSON.stringify({ state: key }),
      status: 400,
      code: 20001,
      message: new RegExp(`^Failed to set up provider state "${key}": unknown state; known states are `),
    }),
  ),
  {
    name: "a provider state whose example page starts past item 10,000",
    method: "POST",
    path: "/_pact/provider-states",
    contentType: "application/json",
    body: JSON.stringify({
      state: "a conference has participants",
      params: {
        AccountSid: FAR_PAGE.participants[0]?.account_sid,
        ConferenceSid: FAR_PAGE.participants[0]?.conference_sid,
        example: FAR_PAGE,
      },
    }),
    status: 400,
    code: 20001,
    message:
      /^Failed to set up provider state "a conference has participants": Failed to put the example page in place: it starts at item 10050, and the fake puts at most 10000 items before a page$/,
  },
  {
    name: "a provider state with an unknown action",
    method: "POST",
    path: "/_pact/provider-states",
    contentType: "application/json",
    body: JSON.stringify({ state: "a conference exists", action: "undo" }),
    status: 400,
    code: 20001,
    message:
      /^Failed to change provider state "a conference exists": action must be "setup" or "teardown", not "undo"$/,
  },
  {
    name: "a provider state without its parameters",
    method: "POST",
    path: "/_pact/provider-states",
    contentType: "application/json",
    body: JSON.stringify({ state: "a conference exists", params: "none" }),
    status: 400,
    code: 20001,
    message:
      /^Failed to set up provider state "a conference exists": Failed to read provider state parameter AccountSid/,
  },
];

describe.each(OPERATIONS.map((op) => [op.operationId, op] as const))(
  "fake Twilio %s, bad requests",
  (operationId, op) => {
    it.each(rowsFor(op))("$name → $status / $code", async (row) => {
      await expectTwilioError(row, operationId);
    });

    it("the same request, made good, succeeds, so that each row above fails for its one reason", async () => {
      const own = await seededFake();
      try {
        const good = GOOD_BODY[operationId];
        const reply = await send(
          {
            name: "good",
            method: op.method,
            path: op.path,
            ...(good ? { contentType: FORM, body: form(good) } : {}),
            status: 0,
            code: 0,
            message: /./,
          },
          operationId,
          own,
        );
        expect(reply.status).toBe(op.successStatus);
      } finally {
        await own.close();
      }
    });
  },
);

describe("fake Twilio, requests no operation answers", () => {
  it.each(OTHER_ROWS)("$name → $status / $code", async (row) => {
    await expectTwilioError(row);
  });
});
