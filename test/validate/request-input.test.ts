import { describe, expect, it } from "vitest";
import "../../src/vitest/index.js";
import { formatIssues } from "../../src/validate/issues.js";
import { validateRequest } from "../../src/validate/request-input.js";

const AC = `AC${"a".repeat(32)}`;
const CF = `CF${"b".repeat(32)}`;
const PATH = `/2010-04-01/Accounts/${AC}/Conferences/${CF}/Participants.json`;

const pathsOf = (result: ReturnType<typeof validateRequest>) => (result.ok ? [] : result.issues.map((i) => i.path));

describe("validateRequest (public)", () => {
  it("reads a form string, URLSearchParams and a record alike, repeated keys as lists", () => {
    const text =
      "From=%2B15017122661&To=%2B15558675310&Muted=true&StatusCallbackEvent=ringing&StatusCallbackEvent=answered";
    for (const input of [text, `?${text}`, new URLSearchParams(text)]) {
      const result = validateRequest("CreateParticipant", input);
      expect(result.ok && result.value.body).toEqual({
        From: "+15017122661",
        To: "+15558675310",
        Muted: true,
        StatusCallbackEvent: ["ringing", "answered"],
      });
    }
    const record = validateRequest("CreateParticipant", { From: "+15017122661", To: "client:alice", Timeout: 30 });
    expect(record.ok && record.value.body.Timeout).toBe(30);
  });

  it("refuses what Twilio refuses: missing or unknown keys, bad values, an undialable To, Coaching without a target", () => {
    expect(pathsOf(validateRequest("CreateParticipant", "To=%2B15558675310&Bogus=1")).sort()).toEqual([
      "/body/Bogus",
      "/body/From",
    ]);
    expect(pathsOf(validateRequest("CreateParticipant", { From: "+15017122661", To: "nope" }))).toEqual(["/body/To"]);
    expect(
      pathsOf(validateRequest("CreateParticipant", { From: "+15017122661", To: "+15558675310", Coaching: true })),
    ).toEqual(["/body/CallSidToCoach"]);
    expect(pathsOf(validateRequest("UpdateParticipant", "Muted=maybe"))).toEqual(["/body/Muted"]);
  });

  it("checks a captured request: method, path parameters from the URL, query", () => {
    expect(
      validateRequest("ListParticipant", { method: "GET", url: `https://api.twilio.com${PATH}?Muted=true` }).ok,
    ).toBe(true);
    const typed = validateRequest("ListParticipant", { url: new URL(`https://api.twilio.com${PATH}?PageSize=5`) });
    expect(typed.ok && typed.value).toEqual({
      path: { AccountSid: AC, ConferenceSid: CF },
      query: { PageSize: 5 },
      body: {},
    });
    expect(pathsOf(validateRequest("ListParticipant", { method: "POST", url: `${PATH}?PageSize=x` }))).toEqual([
      "/method",
      "/query/PageSize",
    ]);
    expect(pathsOf(validateRequest("ListParticipant", { url: "/2010-04-01/Accounts/AC1/Calls.json" }))).toEqual([
      "/path",
    ]);
    expect(
      pathsOf(validateRequest("FetchConference", { url: "/2010-04-01/Accounts/AC1/Conferences/CF1.json" })),
    ).toEqual(["/path/AccountSid", "/path/Sid"]);
  });

  it("checks the path only when given, by parts", () => {
    const body = { From: "+15017122661", To: "+15558675310" };
    expect(validateRequest("CreateParticipant", { body }).ok).toBe(true);
    expect(pathsOf(validateRequest("CreateParticipant", { path: { AccountSid: "AC1" }, body })).sort()).toEqual([
      "/path/AccountSid",
      "/path/ConferenceSid",
    ]);
  });

  it("toBeValidTwilioRequest passes a valid request and lists each issue of a bad one", () => {
    expect("From=%2B15017122661&To=client%3Aalice").toBeValidTwilioRequest("CreateParticipant");
    expect({ method: "POST", url: PATH, body: "From=x&To=nope" }).not.toBeValidTwilioRequest("CreateParticipant");
    expect(() => expect("Status=ended").toBeValidTwilioRequest("UpdateConference")).toThrow(
      /valid UpdateConference request, but it has 1 issue:\n {2}\/body\/Status {2}must be one of "completed"/,
    );
    const failed = validateRequest("CreateParticipant", "To=nope");
    expect(failed.ok ? "" : formatIssues(failed.issues)).not.toMatch(/\/body\/To.*\n.*\/body\/To/);
  });
});

describe("validateRequest, parameters alone", () => {
  it("reads them as the query of an operation without a body", () => {
    const result = validateRequest("ListConference", "Status=completed&PageSize=2");
    expect(result.ok && result.value.query).toEqual({ Status: "completed", PageSize: 2 });
    expect(pathsOf(validateRequest("ListConference", { Muted: true }))).toEqual(["/query/Muted"]);
  });
});
