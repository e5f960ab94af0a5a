import { describe, expect, it } from "vitest";
import { ofKind } from "../../src/factories/_kind.js";
import {
  Factory,
  conferenceFactory,
  conferencePageFactory,
  errorFactory,
  participantFactory,
  participantPageFactory,
  streamFactory,
} from "../../src/factories/index.js";
import { TestkitError } from "../../src/errors.js";
import { RFC_2822_PATTERN } from "../../src/rfc2822.js";

const SID = /^(AC|CA|CF|MZ)[0-9a-f]{32}$/;
const DATE = new RegExp(RFC_2822_PATTERN);

describe("determinism", () => {
  it("the same seed builds the same objects, another seed other SIDs", () => {
    const a = participantFactory.seed(1).buildList(3);
    expect(participantFactory.seed(1).buildList(3)).toEqual(a);
    const b = participantFactory.seed(2).buildList(3);
    expect(b.map((p) => p.call_sid)).not.toEqual(a.map((p) => p.call_sid));
  });

  it("successive builds of one seeded factory differ", () => {
    const factory = participantFactory.seed(1);
    expect(factory.build().call_sid).not.toBe(factory.build().call_sid);
  });

  it("checks every build of a factory not marked valid by construction, plain ones too", () => {
    const broken = new Factory<Record<string, unknown>>({
      name: "participant",
      validate: ofKind("participant").validate,
      generate: () => ({ call_sid: "not-a-sid" }),
      traits: {},
      params: {},
    });
    expect(() => broken.seed(1).build()).toThrow(/Failed to build participant: .*call_sid/s);
  });

  it("rejects a seed that is not an integer", () => {
    expect(() => participantFactory.seed(1.5)).toThrow(/Failed to seed participant factory/);
  });
});

describe("Twilio's shapes", () => {
  it("SIDs are the prefix and 32 lowercase hex digits; dates end in +0000, not GMT", () => {
    for (const c of conferenceFactory.seed(3).buildList(200)) {
      expect(c.sid).toMatch(SID);
      expect(c.account_sid).toMatch(SID);
      expect(c.date_created).toMatch(DATE);
      expect(c.date_updated).not.toContain("GMT");
    }
  });

  it("URIs are built from the object's own SIDs", () => {
    const s = streamFactory.seed(4).build();
    expect(s.uri).toBe(`/2010-04-01/Accounts/${s.account_sid}/Calls/${s.call_sid}/Streams/${s.sid}.json`);
    const c = conferenceFactory.seed(4).build({ sid: "CF0123456789abcdef0123456789abcdef" });
    expect(c.uri).toBe(`/2010-04-01/Accounts/${c.account_sid}/Conferences/CF0123456789abcdef0123456789abcdef.json`);
    expect(c.subresource_uris.participants).toBe(
      `/2010-04-01/Accounts/${c.account_sid}/Conferences/${c.sid}/Participants.json`,
    );
  });

  it("a fixed date_created keeps date_updated after it", () => {
    const p = participantFactory.seed(5).build({ date_created: "Fri, 18 Feb 2011 21:07:19 +0000" });
    expect(Date.parse(p.date_updated)).toBeGreaterThanOrEqual(Date.parse(p.date_created));
  });
});

describe("traits", () => {
  it("participant states", () => {
    const f = participantFactory.seed(6);
    expect(f.traits("muted").build().muted).toBe(true);
    expect(f.traits("on-hold").build().hold).toBe(true);
    const coach = f.traits("coaching").build();
    expect(coach.coaching).toBe(true);
    expect(coach.call_sid_to_coach).toMatch(/^CA/);
    expect(coach.call_sid_to_coach).not.toBe(coach.call_sid);
    for (const status of ["queued", "connecting", "ringing", "connected", "complete", "failed"] as const)
      expect(f.traits(status).build().status).toBe(status);
  });

  it("conference end reasons imply completed, and name the ending call only when a participant ended it", () => {
    const f = conferenceFactory.seed(7);
    expect(f.traits("init").build()).toMatchObject({
      status: "init",
      reason_conference_ended: null,
      call_sid_ending_conference: null,
    });
    expect(f.traits("conference-ended-via-api").build()).toMatchObject({
      status: "completed",
      call_sid_ending_conference: null,
    });
    expect(f.traits("participant-with-end-conference-on-exit-kicked").build().call_sid_ending_conference).toMatch(
      /^CA/,
    );
    expect(f.traits("completed").build().reason_conference_ended).not.toBeNull();
  });

  it("stream stopped and error bodies", () => {
    expect(streamFactory.traits("stopped").build().status).toBe("stopped");
    expect(errorFactory.traits("not-found").build()).toEqual({
      code: 20404,
      status: 404,
      message: "The requested resource was not found",
      more_info: "https://www.twilio.com/docs/errors/20404",
    });
  });

  it("an unknown trait fails, listing the traits there are", () => {
    expect(() => streamFactory.traits("paused" as "stopped")).toThrow(
      'Failed to apply trait "paused" to stream: traits are in-progress, stopped',
    );
  });
});

describe("related objects", () => {
  it("participants of one conference share its account_sid and conference_sid", () => {
    const conference = conferenceFactory.seed(8).build();
    const participants = participantFactory.seed(8).forConference(conference).buildList(5);
    for (const p of participants)
      expect(p).toMatchObject({ account_sid: conference.account_sid, conference_sid: conference.sid });
  });

  it("a page answers its PageSize / Page, holds items of one conference and agrees on start, end and next_page_uri", () => {
    const page = participantPageFactory.seed(9).answering({ PageSize: 3, Page: 1, Muted: true }).ofTotal(8).build();
    expect(page).toMatchObject({ page: 1, page_size: 3, start: 3, end: 5 });
    expect(new Set(page.participants.map((p) => p.conference_sid)).size).toBe(1);
    expect(page.participants.every((p) => p.muted)).toBe(true);
    expect(page.next_page_uri).toContain("Muted=true&PageSize=3&Page=2&PageToken=PA");
    const last = participantPageFactory.seed(9).answering({ PageSize: 3, Page: 2 }).ofTotal(8).build();
    expect(last).toMatchObject({ start: 6, end: 7, next_page_uri: null });
    expect(last.participants).toHaveLength(2);
  });

  it.each([
    [{ Page: 1e20 }, "Page is too large: (Page + 1) × PageSize must be at most 9007199254740991"],
    [{ Page: "99999999999999999999" }, "Page is too large: (Page + 1) × PageSize must be at most 9007199254740991"],
    [
      { Page: 9007199254740991, PageSize: 1 },
      "Page is too large: (Page + 1) × PageSize must be at most 9007199254740991",
    ],
    [{ Page: -1 }, "Page must be a whole number ≥ 0, not -1"],
    [{ Page: 1.5 }, "Page must be a whole number ≥ 0, not 1.5"],
    [{ Page: "one" }, 'Page must be a whole number ≥ 0, not "one"'],
    [{ PageSize: 0 }, "PageSize must be a whole number ≥ 1, not 0"],
  ])("answering(%o) refuses the page as the fake Twilio does (INVALID_OVERRIDE)", (query, reason) => {
    expect(() => participantPageFactory.answering(query)).toThrow(
      expect.objectContaining({ code: "INVALID_OVERRIDE", message: `Failed to build participant-page: ${reason}` }),
    );
  });

  it("an empty page has end 0 and no next page", () => {
    expect(conferencePageFactory.seed(10).ofTotal(0).build()).toMatchObject({
      conferences: [],
      start: 0,
      end: 0,
      next_page_uri: null,
      previous_page_uri: null,
    });
  });

  it("ListConference filters shape the items and the URIs", () => {
    const page = conferencePageFactory
      .seed(10)
      .answering({ Status: "completed", "DateCreated>": "2020-01-01", PageSize: 5 })
      .ofTotal(5)
      .build();
    expect(page.conferences.every((c) => c.status === "completed")).toBe(true);
    expect(page.uri).toContain("?Status=completed&DateCreated%3E=2020-01-01&PageSize=5&Page=0");
  });
});

describe("overrides that break the schema", () => {
  it.each([
    [{ call_sid: "CF0123456789abcdef0123456789abcdef" }, "/call_sid", "pattern"],
    [{ status: "dialing" }, "/status", "enum"],
    [{ coaching: true, call_sid_to_coach: null }, "/call_sid_to_coach", "coaching-has-target"],
    [{ uri: "/2010-04-01/Accounts/x.json" }, "/uri", "participant-uri"],
    [{ nickname: "bob" }, "/nickname", "additionalProperties"],
  ])("%j throws, naming the field and the rule", (override, path, rule) => {
    let error: unknown;
    try {
      participantFactory.seed(1).build(override as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TestkitError);
    expect((error as TestkitError).code).toBe("INVALID_OVERRIDE");
    expect((error as TestkitError).message).toMatch(
      new RegExp(`^Failed to build participant: 1 issue:\\n  ${path} .*\\[${rule}\\]$`),
    );
  });

  it("buildList rejects a negative count", () => {
    expect(() => streamFactory.buildList(-1)).toThrow(/count -1 is not a whole number/);
  });
});
