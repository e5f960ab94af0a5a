import { describe, expect, it } from "vitest";
import { conferenceEventFactory, streamStatusFactory } from "../../src/factories/index.js";
import { assertCallback, CALLBACK_KINDS, validateCallback } from "../../src/validate/callbacks.js";
import { formatIssues } from "../../src/validate/issues.js";
import { COMPLETED_CALL_FORM, capturedParams, HAS_WEBHOOKS, WEBHOOKS_SKIPPED } from "../_webhooks.js";

const issuesOf = (result: ReturnType<typeof validateCallback>) =>
  result.ok ? [] : result.issues.map(({ path, rule }) => ({ path, rule }));

if (!HAS_WEBHOOKS) console.log(WEBHOOKS_SKIPPED);

describe.skipIf(!HAS_WEBHOOKS)("the real captured callbacks in ../shared/twilio-examples/webhooks", () => {
  it("call-status.completed.1.json passes the tolerant call-progress schema", () => {
    expect(issuesOf(validateCallback("call-progress", capturedParams("call-status.completed.1.json")))).toEqual([]);
  });

  it("strict rejects it for its redacted AccountSid alone", () => {
    const result = validateCallback("call-progress", capturedParams("call-status.completed.1.json"), {
      profile: "strict",
    });
    expect(issuesOf(result)).toEqual([{ path: "/AccountSid", rule: "pattern" }]);
  });

  it("the hand-copied busy capture fails on its truncated Timestamp offset, as its note warns", () => {
    expect(issuesOf(validateCallback("call-progress", capturedParams("call-status.busy.1.json")))).toEqual([
      { path: "/Timestamp", rule: "format" },
    ]);
  });
});

describe("validateCallback on our own fixture of the capture's facts", () => {
  it("passes tolerant as form text, as URLSearchParams and as a record; strict only for the redacted AccountSid", () => {
    const search = new URLSearchParams(COMPLETED_CALL_FORM);
    const record = Object.fromEntries(search);
    expect(Object.keys(record)).toHaveLength(31);
    expect(record).toMatchObject({ ToZip: "", CalledCity: "Zürich", CallerCity: "SAN FRANCISCO" });
    for (const params of [COMPLETED_CALL_FORM, `?${COMPLETED_CALL_FORM}`, search, record]) {
      const result = validateCallback("call-progress", params);
      expect(issuesOf(result)).toEqual([]);
      expect(result.ok && result.value).toEqual(record);
      expect(issuesOf(validateCallback("call-progress", params, { profile: "strict" }))).toEqual([
        { path: "/AccountSid", rule: "pattern" },
      ]);
    }
    const real = COMPLETED_CALL_FORM.replace(/AccountSid=ACx+/, `AccountSid=AC${"0a".repeat(16)}`);
    expect(issuesOf(validateCallback("call-progress", real, { profile: "strict" }))).toEqual([]);
  });

  it("strict rejects Duration on a non-completed status; tolerant accepts it (the busy capture)", () => {
    const busy = COMPLETED_CALL_FORM.replace("CallStatus=completed", "CallStatus=busy").replace(
      /AccountSid=ACx+/,
      `AccountSid=AC${"0a".repeat(16)}`,
    );
    expect(issuesOf(validateCallback("call-progress", busy))).toEqual([]);
    expect(issuesOf(validateCallback("call-progress", busy, { profile: "strict" }))).toEqual([
      { path: "/Duration", rule: "terminal-fields" },
    ]);
  });
});

describe("validateCallback", () => {
  it("reads every value as text: a boolean or number that is not text is a type issue", () => {
    const params = conferenceEventFactory.seed(1).traits("participant-join").build();
    expect(issuesOf(validateCallback("conference-status", { ...params, Muted: true } as never))).toEqual([
      { path: "/Muted", rule: "type" },
    ]);
    expect(issuesOf(validateCallback("conference-status", { ...params, SequenceNumber: "01" }))).toEqual([
      { path: "/SequenceNumber", rule: "pattern" },
    ]);
  });

  it("a key sent twice is an issue, not a silent pick", () => {
    const params = new URLSearchParams(streamStatusFactory.seed(1).traits("stream-started").build() as never);
    params.append("StreamEvent", "stream-stopped");
    expect(issuesOf(validateCallback("stream-status", params))).toEqual([{ path: "/StreamEvent", rule: "type" }]);
  });

  it("accepts a one-digit day in RFC 2822 (TW-CONF's example) and checks the weekday", () => {
    const params = conferenceEventFactory.seed(1).traits("conference-start").build();
    for (const [Timestamp, ok] of [
      ["Thu, 1 Jun 2017 20:48:32 +0000", true],
      ["Thu, 01 Jun 2017 20:48:32 +0000", true],
      ["Fri, 1 Jun 2017 20:48:32 +0000", false],
      ["Thu, 1 Jun 2017 20:48:32 GMT", false],
    ] as const)
      expect(validateCallback("conference-status", { ...params, Timestamp }, { profile: "strict" }).ok, Timestamp).toBe(
        ok,
      );
  });

  it("stream Timestamps are ISO 8601, with or without milliseconds", () => {
    const params = streamStatusFactory.seed(1).build();
    for (const Timestamp of ["2024-01-15T10:30:00Z", "2024-01-15T10:30:00.123Z", "2024-01-15T11:30:00+01:00"])
      expect(validateCallback("stream-status", { ...params, Timestamp }, { profile: "strict" }).ok).toBe(true);
  });

  it("tolerant accepts undocumented keys and conditional fields sent empty; strict refuses both", () => {
    const params = { ...conferenceEventFactory.seed(2).traits("conference-end").build(), CallSidEndingConference: "" };
    expect(issuesOf(validateCallback("conference-status", { ...params, EventTimestamp: "1" }))).toEqual([]);
    expect(
      issuesOf(validateCallback("conference-status", { ...params, EventTimestamp: "1" }, { profile: "strict" })),
    ).toContainEqual({ path: "/EventTimestamp", rule: "additionalProperties" });
  });

  it("a form key named __proto__ is a parameter like any other: strict names it", () => {
    const params = conferenceEventFactory.seed(2).traits("conference-end").build();
    const form = `${new URLSearchParams(params as never)}&__proto__=1`;
    const result = validateCallback("conference-status", form, { profile: "strict" });
    expect(issuesOf(result)).toContainEqual({ path: "/__proto__", rule: "additionalProperties" });
  });

  it("never throws for a value of the wrong shape, and names an unknown kind in one line", () => {
    for (const kind of CALLBACK_KINDS) {
      expect(validateCallback(kind, null as never).ok).toBe(false);
      expect(validateCallback(kind, "").ok).toBe(false);
    }
    expect(() => validateCallback("sms-status" as never, {})).toThrow(
      expect.objectContaining({
        code: "UNKNOWN_OPERATION",
        message:
          'Failed to validate callback: unknown kind "sms-status"; kinds are conference-status, call-progress, recording-status, stream-status',
      }),
    );
  });

  it("assertCallback returns the typed parameters or throws INVALID_BODY listing every issue", () => {
    const params = conferenceEventFactory.seed(3).traits("participant-mute").build();
    expect(assertCallback("conference-status", params, { profile: "strict" }).Muted).toBe("true");
    const broken = { ...params, Muted: "false" };
    const result = validateCallback("conference-status", broken, { profile: "strict" });
    expect(() => assertCallback("conference-status", broken, { profile: "strict" })).toThrow(
      expect.objectContaining({
        code: "INVALID_BODY",
        message: `Failed to validate conference-status callback (strict profile): ${formatIssues(result.ok ? [] : result.issues)}`,
      }),
    );
  });
});
