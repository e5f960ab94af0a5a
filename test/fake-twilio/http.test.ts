// The fake Twilio over plain HTTP: auth, Twilio's error replies and paging, byte for byte.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startFakeTwilio, type FakeTwilio } from "../../src/fake-twilio/index.js";
import { participantFactory } from "../../src/factories/participant.js";
import { inTwilioOrder } from "./_order.js";
import { validateResource, validateResponse } from "../../src/validate/validate.js";

let fake: FakeTwilio;
beforeEach(async () => {
  fake = await startFakeTwilio({ seed: 8 });
});
afterEach(() => fake.close());

const basic = (user: string, password: string): string =>
  `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;

/** A request to the fake with the seeded account's credentials unless `authorization` says otherwise. */
async function call(
  method: string,
  path: string,
  options: { form?: Record<string, string>; json?: unknown; authorization?: string | null } = {},
) {
  const headers: Record<string, string> = {};
  if (options.authorization !== null)
    headers.authorization = options.authorization ?? basic(fake.accountSid, fake.authToken);
  let body: string | undefined;
  if (options.form)
    [headers["content-type"], body] = [
      "application/x-www-form-urlencoded",
      new URLSearchParams(options.form).toString(),
    ];
  if (options.json !== undefined) [headers["content-type"], body] = ["application/json", JSON.stringify(options.json)];
  const response = await fetch(`${fake.url}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get("content-type"),
    text,
    body: text === "" ? undefined : (JSON.parse(text) as Record<string, unknown>),
  };
}

const conferences = () => `/2010-04-01/Accounts/${fake.accountSid}/Conferences.json`;
const conference = (sid: string) => `/2010-04-01/Accounts/${fake.accountSid}/Conferences/${sid}.json`;
const participants = (sid: string) => `/2010-04-01/Accounts/${fake.accountSid}/Conferences/${sid}/Participants.json`;
const firstConference = () => fake.store.conferences(fake.accountSid)[0]?.sid ?? "";

/** Expects a Twilio error reply: status, code, JSON content type, the strict error schema, no stack trace. */
function expectTwilioError(reply: Awaited<ReturnType<typeof call>>, status: number, code: number): void {
  expect(reply.status).toBe(status);
  expect(reply.contentType).toBe("application/json");
  expect(reply.body).toMatchObject({ status, code, more_info: `https://www.twilio.com/docs/errors/${code}` });
  expect(validateResource("error", reply.body, { profile: "strict" }).ok).toBe(true);
  expect(reply.text).not.toMatch(/\bat .*\.(ts|js):\d+/);
}

describe("Basic auth against the account in the path", () => {
  it("accepts the account's SID and token", async () => {
    expect((await call("GET", conferences())).status).toBe(200);
  });

  it.each([
    ["no Authorization header", () => null],
    ["a wrong token", () => basic(fake.accountSid, "wrong")],
    ["another account's SID as user", () => basic("AC0123456789abcdef0123456789abcdef", fake.authToken)],
    ["a Bearer token", () => "Bearer abc"],
  ])("answers 401 / 20003 to %s", async (_, authorization) => {
    const reply = await call("GET", conferences(), { authorization: authorization() });
    expectTwilioError(reply, 401, 20003);
    expect(reply.body?.message).toBe("Authenticate");
  });

  it("answers 401 / 20003 for an account it does not hold, even with matching credentials", async () => {
    const stranger = "AC0123456789abcdef0123456789abcdef";
    expectTwilioError(
      await call("GET", `/2010-04-01/Accounts/${stranger}/Conferences.json`, {
        authorization: basic(stranger, fake.authToken),
      }),
      401,
      20003,
    );
  });

  it("accounts put later get the fake's token unless given one", async () => {
    const other = "ACfedcba9876543210fedcba9876543210";
    fake.store.putAccount(other);
    expect(
      (
        await call("GET", `/2010-04-01/Accounts/${other}/Conferences.json`, {
          authorization: basic(other, "your_auth_token"),
        })
      ).status,
    ).toBe(200);
    fake.store.putAccount(other, "s3cret");
    expect(
      (await call("GET", `/2010-04-01/Accounts/${other}/Conferences.json`, { authorization: basic(other, "s3cret") }))
        .status,
    ).toBe(200);
  });
});

describe("404 / 20404", () => {
  it("for an unknown conference, naming its path", async () => {
    const path = conference("CF0123456789abcdef0123456789abcdef");
    const reply = await call("GET", path);
    expectTwilioError(reply, 404, 20404);
    expect(reply.body?.message).toBe(`The requested resource ${path} was not found`);
  });

  it.each([
    ["a malformed conference SID", () => conference("CF123")],
    ["a conference SID of the wrong kind", () => participants("CA0123456789abcdef0123456789abcdef")],
    ["a malformed call SID on a stream", () => `/2010-04-01/Accounts/${fake.accountSid}/Calls/not-a-call/Streams.json`],
    [
      "an unknown participant label",
      () => `/2010-04-01/Accounts/${fake.accountSid}/Conferences/${firstConference()}/Participants/nobody.json`,
    ],
    ["a path no operation has", () => `/2010-04-01/Accounts/${fake.accountSid}/Recordings.json`],
  ])("for %s", async (_, path) => {
    expectTwilioError(await call("GET", path()), 404, 20404);
  });
});

describe("400 for invalid or unknown parameters", () => {
  it.each([
    ["PageSize=0", "?PageSize=0", "PageSize"],
    ["PageSize=1001", "?PageSize=1001", "PageSize"],
    ["Page=-1", "?Page=-1", "Page"],
    ["Status=ringing", "?Status=ringing", "Status"],
    ["DateCreated=yesterday", "?DateCreated=yesterday", "DateCreated"],
    ["an unknown query parameter", "?Foo=1", "Foo"],
  ])("ListConference with %s: 20001 naming the parameter", async (_, query, name) => {
    const reply = await call("GET", `${conferences()}${query}`);
    expectTwilioError(reply, 400, 20001);
    expect(reply.body?.message).toContain(name);
  });

  it.each([
    ["Muted=maybe", { Muted: "maybe" }, "Muted"],
    ["an unknown field", { Volume: "11" }, "Volume"],
    [
      "a CallSidToCoach that is not a CA SID",
      { Coaching: "true", CallSidToCoach: "CF0123456789abcdef0123456789abcdef" },
      "CallSidToCoach",
    ],
  ])("UpdateParticipant with %s: 20001 naming the field", async (_, form, name) => {
    const sid = firstConference();
    const [p] = fake.store.participants(fake.accountSid, sid);
    const reply = await call(
      "POST",
      `/2010-04-01/Accounts/${fake.accountSid}/Conferences/${sid}/Participants/${p?.call_sid}.json`,
      { form },
    );
    expectTwilioError(reply, 400, 20001);
    expect(reply.body?.message).toContain(name);
  });

  it("CreateParticipant without To, and with an undialable To (21211)", async () => {
    expectTwilioError(
      await call("POST", participants(firstConference()), { form: { From: "+15017122661" } }),
      400,
      20001,
    );
    const reply = await call("POST", participants(firstConference()), {
      form: { From: "+15017122661", To: "call me maybe" },
    });
    expectTwilioError(reply, 400, 21211);
    expect(reply.body?.message).toBe("Invalid 'To' Phone Number");
  });

  it("a JSON body whose values are not text", async () => {
    expectTwilioError(await call("POST", conference(firstConference()), { json: { Status: 1 } }), 400, 20001);
  });

  it("a query parameter on an operation that takes none", async () => {
    expectTwilioError(await call("GET", `${conference(firstConference())}?Status=completed`), 400, 20001);
  });
});

describe("500 / 20500 for the unexpected", () => {
  it("never leaks the cause or a stack trace", async () => {
    fake.store.conferenceList = () => {
      throw new Error("boom: secret internals");
    };
    const reply = await call("GET", conferences());
    expectTwilioError(reply, 500, 20500);
    expect(reply.text).not.toContain("boom");
  });
});

describe("success replies", () => {
  it("are JSON with the catalogued status, and DeleteParticipant's 204 has no body", async () => {
    const sid = firstConference();
    const created = await call("POST", participants(sid), { form: { From: "+15017122661", To: "+15558675310" } });
    expect([created.status, created.contentType]).toEqual([201, "application/json"]);
    expect(validateResponse("CreateParticipant", created.body, { profile: "strict" }).ok).toBe(true);
    const removed = await call(
      "DELETE",
      `/2010-04-01/Accounts/${fake.accountSid}/Conferences/${sid}/Participants/${String(created.body?.call_sid)}.json`,
    );
    expect([removed.status, removed.text]).toEqual([204, ""]);
  });
});

describe("paging as Twilio pages", () => {
  /** A conference with `count` participants, their call SIDs in Twilio's order (newest first). */
  function conferenceOf(count: number): { sid: string; calls: string[] } {
    const sid = firstConference();
    for (const p of fake.store.participants(fake.accountSid, sid))
      fake.store.removeParticipant(fake.accountSid, sid, p.call_sid);
    const added = participantFactory.seed(4).forConference({ account_sid: fake.accountSid, sid }).buildList(count);
    for (const p of added) fake.store.putParticipant(p);
    return { sid, calls: inTwilioOrder(added).map((p) => p.call_sid) };
  }

  type Page = {
    participants: Array<{ call_sid: string }>;
    page: number;
    page_size: number;
    start: number;
    end: number;
    uri: string;
    first_page_uri: string;
    next_page_uri: string | null;
    previous_page_uri: string | null;
  };

  const page = async (path: string): Promise<Page> => {
    const reply = await call("GET", path);
    expect(reply.status).toBe(200);
    expect(validateResponse("ListParticipant", reply.body, { profile: "strict" }).ok).toBe(true);
    return reply.body as unknown as Page;
  };

  it("next_page_uri and previous_page_uri, followed, walk the list forwards and back", async () => {
    const { sid, calls } = conferenceOf(7);
    const first = await page(`${participants(sid)}?PageSize=3`);
    expect(first).toMatchObject({
      page: 0,
      page_size: 3,
      start: 0,
      end: 2,
      previous_page_uri: null,
      first_page_uri: `${participants(sid)}?PageSize=3&Page=0`,
    });
    expect(first.next_page_uri).toBe(`${participants(sid)}?PageSize=3&Page=1&PageToken=PA${calls[2]}`);
    const second = await page(first.next_page_uri ?? "");
    const third = await page(second.next_page_uri ?? "");
    expect([first, second, third].flatMap((p) => p.participants.map((x) => x.call_sid))).toEqual(calls);
    expect(third).toMatchObject({ page: 2, start: 6, end: 6, next_page_uri: null });
    expect(third.previous_page_uri).toBe(`${participants(sid)}?PageSize=3&Page=1&PageToken=PB${calls[6]}`);
    const back = await page(third.previous_page_uri ?? "");
    expect(back.participants.map((p) => p.call_sid)).toEqual(calls.slice(3, 6));
  });

  it("echoes boolean filters in every URI as sent (Hold=True, as real pages do), filtering on their value", async () => {
    const { sid } = conferenceOf(5);
    const held = fake.store.participants(fake.accountSid, sid).slice(0, 3);
    for (const p of held) fake.store.putParticipant({ ...p, hold: true });
    const first = await page(`${participants(sid)}?Hold=True&Muted=False&PageSize=2`);
    const expected = held.filter((p) => !p.muted).map((p) => p.call_sid);
    expect(first.participants.map((p) => p.call_sid)).toEqual(expected.slice(0, 2));
    for (const uri of [first.uri, first.first_page_uri, first.next_page_uri ?? "?Hold=True&Muted=False"])
      expect(uri.split("?")[1]).toMatch(/^Hold=True&Muted=False&/);
  });

  it("a PageToken keeps its place when items before it go away", async () => {
    const { sid, calls } = conferenceOf(6);
    const first = await page(`${participants(sid)}?PageSize=2`);
    fake.store.removeParticipant(fake.accountSid, sid, calls[0] ?? "");
    const second = await page(first.next_page_uri ?? "");
    expect(second.participants.map((p) => p.call_sid)).toEqual(calls.slice(2, 4));
  });

  it("a PB PageToken answers the page before its item, or a whole first page when items before it went away", async () => {
    const { sid, calls } = conferenceOf(9);
    const third = await page(`${participants(sid)}?PageSize=3&Page=2`);
    expect((await page(third.previous_page_uri ?? "")).participants.map((p) => p.call_sid)).toEqual(calls.slice(3, 6));
    const second = await page(`${participants(sid)}?PageSize=3&Page=1`);
    fake.store.removeParticipant(fake.accountSid, sid, calls[0] ?? "");
    const back = await page(second.previous_page_uri ?? "");
    expect(back).toMatchObject({ page: 0, start: 0, end: 2 });
    expect(back.participants.map((p) => p.call_sid)).toEqual(calls.slice(1, 4));
  });

  it("a PageToken without the Page it belongs to is a 400", async () => {
    const { sid, calls } = conferenceOf(4);
    const reply = await call("GET", `${participants(sid)}?PageSize=2&PageToken=PA${calls[1]}`);
    expectTwilioError(reply, 400, 20001);
    expect(reply.body?.message).toMatch(/PageToken goes with Page/);
  });

  it("Page without a token, the default PageSize of 50, and an empty page past the end", async () => {
    const { sid, calls } = conferenceOf(5);
    expect((await page(`${participants(sid)}?PageSize=2&Page=2`)).participants.map((p) => p.call_sid)).toEqual(
      calls.slice(4),
    );
    expect(await page(participants(sid))).toMatchObject({ page: 0, page_size: 50, end: 4, next_page_uri: null });
    expect(await page(`${participants(sid)}?PageSize=2&Page=9`)).toMatchObject({
      participants: [],
      start: 18,
      end: 0,
      next_page_uri: null,
    });
  });

  it("a full last page has no next page", async () => {
    const { sid } = conferenceOf(4);
    expect((await page(`${participants(sid)}?PageSize=2&Page=1`)).next_page_uri).toBeNull();
  });
});
