// Every provider state handler, driven through the fake's Pact state change endpoint as a verifier would.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PROVIDER_STATE_PARAMS, PROVIDER_STATES } from "../../src/catalogue/provider-states.js";
import { conferenceFactory } from "../../src/factories/conference.js";
import { conferencePageFactory, participantPageFactory } from "../../src/factories/pages.js";
import { participantFactory } from "../../src/factories/participant.js";
import { streamFactory } from "../../src/factories/stream.js";
import {
  PROVIDER_STATE_HANDLERS,
  PROVIDER_STATES_PATH,
  startFakeTwilio,
  type FakeTwilio,
} from "../../src/fake-twilio/index.js";
import { validateResource, validateResponse } from "../../src/validate/validate.js";
import { changeProviderState } from "../../src/fake-twilio/state-change.js";
import { FakeTwilioStore } from "../../src/fake-twilio/store.js";

let fake: FakeTwilio;
beforeEach(async () => {
  fake = await startFakeTwilio({ seed: 9 });
});
afterEach(() => fake.close());

/** The account of the examples below: not the seeded one, so every state must create it. */
const ACCOUNT = "AC7d2c8e0b1f3a4956a8b7c6d5e4f30211";
const auth = (token = "your_auth_token") => `Basic ${Buffer.from(`${ACCOUNT}:${token}`).toString("base64")}`;

async function setUp(state: string, params: Record<string, unknown>, action = "setup") {
  const response = await fetch(`${fake.url}${PROVIDER_STATES_PATH}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ state, params, action }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** A request with the contracts' credentials; the body parsed, and success bodies checked against the operation's strict schema. */
async function request(operation: string | undefined, method: string, path: string, form?: Record<string, string>) {
  const init = {
    method,
    headers: { authorization: auth(), ...(form ? { "content-type": "application/x-www-form-urlencoded" } : {}) },
    ...(form ? { body: new URLSearchParams(form).toString() } : {}),
  };
  const response = await fetch(`${fake.url}/2010-04-01/Accounts/${ACCOUNT}${path}`, init);
  const text = await response.text();
  const body = text === "" ? undefined : (JSON.parse(text) as Record<string, unknown>);
  if (operation && response.ok)
    expect(validateResponse(operation, body, { profile: "strict" })).toMatchObject({ ok: true });
  if (!response.ok) expect(validateResource("error", body, { profile: "strict" }).ok).toBe(true);
  return { status: response.status, body };
}

type Page = {
  participants: Array<{ call_sid: string }>;
  conferences: Array<{ sid: string }>;
  next_page_uri: string | null;
  previous_page_uri: string | null;
};

/** A list page of another account than ACCOUNT, with that account's credentials, checked against the strict profile. */
async function listAs(operation: string, accountSid: string, path: string): Promise<Page> {
  const headers = { authorization: `Basic ${Buffer.from(`${accountSid}:your_auth_token`).toString("base64")}` };
  const response = await fetch(`${fake.url}/2010-04-01/Accounts/${accountSid}${path}`, { headers });
  const body = await response.json();
  expect(response.status).toBe(200);
  expect(validateResponse(operation, body, { profile: "strict" })).toMatchObject({ ok: true });
  return body as Page;
}

const conference = conferenceFactory
  .seed(21)
  .forAccount(ACCOUNT)
  .traits("in-progress")
  .build({ friendly_name: "standup" });
const participant = participantFactory.seed(22).forConference(conference).traits("connected").build({ label: "agent" });
const stream = streamFactory
  .seed(23)
  .forCall({ account_sid: ACCOUNT, call_sid: participant.call_sid })
  .build({ name: "transcriber" });

describe("provider states through POST /_pact/provider-states", () => {
  it("has a handler for every state name our contracts use", () => {
    expect(Object.keys(PROVIDER_STATE_HANDLERS).sort()).toEqual(Object.values(PROVIDER_STATES).sort());
  });

  describe(PROVIDER_STATES.conferenceExists, () => {
    it("with a conference example: the conference, as given", async () => {
      expect(
        await setUp(PROVIDER_STATES.conferenceExists, {
          AccountSid: ACCOUNT,
          Sid: conference.sid,
          example: conference,
        }),
      ).toEqual({ status: 200, body: {} });
      expect(await request("FetchConference", "GET", `/Conferences/${conference.sid}.json`)).toEqual({
        status: 200,
        body: conference,
      });
    });

    it("with the participant to be created as example: its conference, open, so CreateParticipant answers 201", async () => {
      await setUp(PROVIDER_STATES.conferenceExists, {
        AccountSid: ACCOUNT,
        ConferenceSid: conference.sid,
        example: participant,
      });
      expect((await request(undefined, "GET", `/Conferences/${conference.sid}.json`)).body).toMatchObject({
        sid: conference.sid,
        status: "in-progress",
      });
      const created = await request("CreateParticipant", "POST", `/Conferences/${conference.sid}/Participants.json`, {
        From: "+15017122661",
        To: "+15558675310",
        Label: "customer",
      });
      expect(created).toMatchObject({
        status: 201,
        body: { conference_sid: conference.sid, label: "customer", status: "queued" },
      });
    });

    it("for a friendly name in the path: an open conference of that name", async () => {
      await setUp(PROVIDER_STATES.conferenceExists, { AccountSid: ACCOUNT, ConferenceSid: "weekly-sync" });
      const created = await request("CreateParticipant", "POST", "/Conferences/weekly-sync/Participants.json", {
        From: "+15017122661",
        To: "+15558675310",
      });
      const list = await request("ListConference", "GET", "/Conferences.json?FriendlyName=weekly-sync");
      expect(
        ((list.body?.conferences ?? []) as Array<{ sid: string; status: string }>).map((c) => [c.sid, c.status]),
      ).toEqual([[created.body?.conference_sid, "in-progress"]]);
    });
  });

  it(`${PROVIDER_STATES.participantExists}: the participant, addressable by call SID and by label`, async () => {
    await setUp(PROVIDER_STATES.participantExists, {
      AccountSid: ACCOUNT,
      ConferenceSid: conference.sid,
      CallSid: "agent",
      example: participant,
    });
    expect(await request("FetchParticipant", "GET", `/Conferences/${conference.sid}/Participants/agent.json`)).toEqual({
      status: 200,
      body: participant,
    });
    expect(
      (
        await request(
          "UpdateParticipant",
          "POST",
          `/Conferences/${conference.sid}/Participants/${participant.call_sid}.json`,
          { Muted: "true" },
        )
      ).body,
    ).toMatchObject({ muted: true });
  });

  it(`${PROVIDER_STATES.participantExists} without an example: a connected participant with the path's label`, async () => {
    await setUp(PROVIDER_STATES.participantExists, {
      AccountSid: ACCOUNT,
      ConferenceSid: conference.sid,
      CallSid: "host",
    });
    expect(
      (await request("FetchParticipant", "GET", `/Conferences/${conference.sid}/Participants/host.json`)).body,
    ).toMatchObject({ label: "host", status: "connected" });
  });

  it(`${PROVIDER_STATES.conferenceHasParticipants}: exactly the page's items, at the page's place, with the page's envelope`, async () => {
    const page = participantPageFactory.seed(24).answering({ Muted: true, PageSize: 2, Page: 1 }).ofTotal(5).build();
    const first = page.participants[0];
    const [accountSid, sid] = [first?.account_sid ?? "", first?.conference_sid ?? ""];
    expect(
      await setUp(PROVIDER_STATES.conferenceHasParticipants, {
        AccountSid: accountSid,
        ConferenceSid: sid,
        example: page,
      }),
    ).toEqual({ status: 200, body: {} });
    const list = (query: string) =>
      listAs("ListParticipant", accountSid, `/Conferences/${sid}/Participants.json?${query}`);
    const answered = await list("Muted=true&PageSize=2&Page=1&PageToken=PAanything");
    expect(answered.participants.map((p) => p.call_sid)).toEqual(page.participants.map((p) => p.call_sid));
    expect(answered).toMatchObject({ page: 1, page_size: 2, start: 2, end: 3 });
    expect(answered.next_page_uri).toEqual(expect.any(String));
    expect(answered.previous_page_uri).toEqual(expect.any(String));
    const next = await list(new URL(answered.next_page_uri ?? "", fake.url).search.slice(1));
    expect(next.participants).toHaveLength(1);
    expect((await list("Muted=true&PageSize=2&Page=0")).participants).toHaveLength(2);
  });

  it(`${PROVIDER_STATES.accountHasConferences}: exactly the page's items, and nothing else of the account`, async () => {
    const page = conferencePageFactory.seed(25).answering({ Status: "completed", PageSize: 3 }).ofTotal(3).build();
    const accountSid = page.conferences[0]?.account_sid ?? "";
    await setUp(PROVIDER_STATES.conferenceExists, {
      AccountSid: accountSid,
      Sid: conference.sid,
      example: conferenceFactory.seed(26).forAccount(accountSid).build(),
    });
    await setUp(PROVIDER_STATES.accountHasConferences, { AccountSid: accountSid, example: page });
    const all = await listAs("ListConference", accountSid, "/Conferences.json");
    expect(all.conferences.map((c) => c.sid)).toEqual(page.conferences.map((c) => c.sid));
    expect(all.next_page_uri).toBeNull();
  });

  it(`${PROVIDER_STATES.callInProgress}: CreateStream works on that call, and not before`, async () => {
    const path = `/Calls/${participant.call_sid}/Streams.json`;
    await setUp(PROVIDER_STATES.wrongCredentials, { AccountSid: ACCOUNT });
    await setUp(PROVIDER_STATES.callInProgress, { AccountSid: ACCOUNT, CallSid: "CA0123456789abcdef0123456789abcdef" });
    expect((await request(undefined, "POST", path, { Url: "wss://example.com" })).status).toBe(404);
    await setUp(PROVIDER_STATES.callInProgress, {
      AccountSid: ACCOUNT,
      CallSid: participant.call_sid,
      example: stream,
    });
    expect(
      (await request("CreateStream", "POST", path, { Url: "wss://example.com", Name: "transcriber" })).body,
    ).toMatchObject({ name: "transcriber", status: "in-progress" });
  });

  it(`${PROVIDER_STATES.streamExists}: the stream, running, addressable by name`, async () => {
    await setUp(PROVIDER_STATES.streamExists, {
      AccountSid: ACCOUNT,
      CallSid: stream.call_sid,
      Sid: "transcriber",
      example: { ...stream, status: "stopped" },
    });
    const stopped = await request("UpdateStream", "POST", `/Calls/${stream.call_sid}/Streams/transcriber.json`, {
      Status: "stopped",
    });
    expect(stopped.body).toMatchObject({ sid: stream.sid, status: "stopped" });
  });

  describe(PROVIDER_STATES.resourceMissing, () => {
    it.each([
      ["a conference", { Sid: conference.sid }, `/Conferences/${conference.sid}.json`],
      [
        "a participant, by label",
        { ConferenceSid: conference.sid, CallSid: "agent" },
        `/Conferences/${conference.sid}/Participants/agent.json`,
      ],
      ["a stream, by name", { CallSid: stream.call_sid, Sid: "transcriber" }, undefined],
      ["a call", { CallSid: stream.call_sid }, undefined],
    ])("removes %s", async (_, params, fetchPath) => {
      await setUp(PROVIDER_STATES.participantExists, {
        AccountSid: ACCOUNT,
        ConferenceSid: conference.sid,
        CallSid: "agent",
        example: participant,
      });
      await setUp(PROVIDER_STATES.streamExists, {
        AccountSid: ACCOUNT,
        CallSid: stream.call_sid,
        Sid: stream.sid,
        example: stream,
      });
      await setUp(PROVIDER_STATES.resourceMissing, { AccountSid: ACCOUNT, ...params });
      if (fetchPath)
        expect(await request(undefined, "GET", fetchPath)).toMatchObject({ status: 404, body: { code: 20404 } });
      const stop = await request(undefined, "POST", `/Calls/${stream.call_sid}/Streams/transcriber.json`, {
        Status: "stopped",
      });
      expect(stop.status).toBe("CallSid" in params && !("ConferenceSid" in params) ? 404 : 200);
    });

    it("for an account alone: no conferences, but its credentials still pass", async () => {
      await setUp(PROVIDER_STATES.conferenceExists, { AccountSid: ACCOUNT, Sid: conference.sid, example: conference });
      await setUp(PROVIDER_STATES.resourceMissing, { AccountSid: ACCOUNT });
      expect(await request("ListConference", "GET", "/Conferences.json")).toMatchObject({
        status: 200,
        body: { conferences: [] },
      });
    });
  });

  it(`${PROVIDER_STATES.wrongCredentials}: the contracts' credentials get 401 / 20003, until another state restores them`, async () => {
    await setUp(PROVIDER_STATES.conferenceExists, { AccountSid: ACCOUNT, Sid: conference.sid, example: conference });
    await setUp(PROVIDER_STATES.wrongCredentials, { AccountSid: ACCOUNT });
    expect(await request(undefined, "GET", "/Conferences.json?PageSize=1")).toMatchObject({
      status: 401,
      body: { code: 20003 },
    });
    await setUp(PROVIDER_STATES.conferenceExists, { AccountSid: ACCOUNT, Sid: conference.sid, example: conference });
    expect((await request("ListConference", "GET", "/Conferences.json?PageSize=1")).status).toBe(200);
  });

  describe("refusals", () => {
    it("an unknown state: 400 naming it and the known states", async () => {
      const { status, body } = await setUp("a conference is haunted", { AccountSid: ACCOUNT });
      expect(status).toBe(400);
      expect(validateResource("error", body, { profile: "strict" }).ok).toBe(true);
      expect(body.message).toMatch(
        /"a conference is haunted": unknown state; known states are "a conference exists", .*"the credentials are wrong"/,
      );
    });

    it("an unknown action, a missing path SID, an example that fails the strict profile: 400 saying which", async () => {
      expect(
        (await setUp(PROVIDER_STATES.callInProgress, { AccountSid: ACCOUNT, CallSid: participant.call_sid }, "explode"))
          .body.message,
      ).toMatch(/action must be "setup" or "teardown"/);
      expect((await setUp(PROVIDER_STATES.callInProgress, { AccountSid: ACCOUNT })).body.message).toMatch(
        /parameter CallSid/,
      );
      const broken = await setUp(PROVIDER_STATES.participantExists, {
        AccountSid: ACCOUNT,
        ConferenceSid: conference.sid,
        CallSid: "agent",
        example: { ...participant, status: "dancing" },
      });
      expect(broken).toMatchObject({ status: 400, body: { code: 20001 } });
      expect(broken.body.message).toMatch(/\/status/);
    });

    it("teardown changes nothing", async () => {
      await setUp(PROVIDER_STATES.conferenceExists, { AccountSid: ACCOUNT, Sid: conference.sid, example: conference });
      expect(
        await setUp(PROVIDER_STATES.resourceMissing, { AccountSid: ACCOUNT, Sid: conference.sid }, "teardown"),
      ).toEqual({ status: 200, body: {} });
      expect((await request("FetchConference", "GET", `/Conferences/${conference.sid}.json`)).status).toBe(200);
    });
  });
});

describe("PROVIDER_STATE_PARAMS, the parameters `contracts check` asks for", () => {
  /** A SID of the right kind for each path parameter; `Sid` as the state reads it (a conference, or a stream). */
  const SIDS: Record<string, string> = {
    AccountSid: ACCOUNT,
    ConferenceSid: "CF7d2c8e0b1f3a4956a8b7c6d5e4f30211",
    CallSid: "CA7d2c8e0b1f3a4956a8b7c6d5e4f30211",
  };
  const sidFor = (state: string, name: string) =>
    SIDS[name] ??
    (state === PROVIDER_STATES.streamExists
      ? "MZ7d2c8e0b1f3a4956a8b7c6d5e4f30211"
      : "CF7d2c8e0b1f3a4956a8b7c6d5e4f30211");

  it.each(Object.entries(PROVIDER_STATE_PARAMS))(
    "%s: its handler runs on exactly the required parameters and fails without any of them",
    (state, spec) => {
      const handler = PROVIDER_STATE_HANDLERS[state as keyof typeof PROVIDER_STATE_HANDLERS];
      const groups = spec.required.map((need) => [need].flat());
      const params = Object.fromEntries(groups.map(([name]) => [name as string, sidFor(state, name as string)]));
      expect(() => handler(fake.store, params)).not.toThrow();
      for (const group of groups) {
        const { [group[0] as string]: _, ...without } = params;
        expect(() => handler(fake.store, without), `${state} without ${group.join(" or ")}`).toThrow(
          expect.objectContaining({
            code: "USAGE",
            message: expect.stringMatching(new RegExp(`parameter (${group.join("|")})`)),
          }),
        );
      }
    },
  );
});

describe("the store's record of refused state changes", () => {
  it("keeps the newest 100, so that a long-running fake does not grow", () => {
    const store = new FakeTwilioStore();
    for (let i = 0; i < 105; i++) expect(changeProviderState(store, { state: `no such state ${i}` }).status).toBe(400);
    expect(store.stateChangeFailures).toHaveLength(100);
    expect(store.stateChangeFailures[0]).toMatch(/^Failed to set up provider state "no such state 5": unknown state/);
    expect(store.stateChangeFailures.at(-1)).toMatch(
      /^Failed to set up provider state "no such state 104": unknown state/,
    );
  });
});
