import { MatchersV3 } from "@pact-foundation/pact";
import { describe, expect, it } from "vitest";
import { readEnum, readSchemaDocument } from "../../src/catalogue/schema-files.js";
import { enumPattern, responseMatcher, type BodyTemplate } from "../../src/contracts/matchers.js";
import {
  conferenceFactory,
  errorFactory,
  participantFactory,
  participantPageFactory,
  streamFactory,
} from "../../src/factories/index.js";
import { RFC_2822_PATTERN } from "../../src/rfc2822.js";
import type { ResourceKind } from "../../src/validate/resources.js";

const commonPattern = (def: string): string =>
  (readSchemaDocument("common.json") as { $defs: Record<string, { pattern: string }> }).$defs[def]!.pattern;

const regexMatcher = (regex: string, value: string) => ({ "pact:matcher:type": "regex", regex, value });
const typeMatcher = (value: unknown) => ({ "pact:matcher:type": "type", value });

/** Every `regex` matcher in a template, wherever it is nested. */
function regexMatchers(template: unknown): { regex: string; value: string }[] {
  if (Array.isArray(template)) return template.flatMap(regexMatchers);
  if (typeof template !== "object" || template === null) return [];
  const node = template as Record<string, unknown>;
  if (node["pact:matcher:type"] === "regex") return [node as { regex: string; value: string }];
  return Object.values(node).flatMap(regexMatchers);
}

describe("responseMatcher", () => {
  const participant = participantFactory.seed(1).build({ label: "customer", queue_time: "1000" });

  it("turns SIDs into regex matchers with the schema's pattern and the example's value", () => {
    const { body } = responseMatcher("participant", participant);
    expect(body.account_sid).toEqual(regexMatcher(commonPattern("AccountSid"), participant.account_sid));
    expect(body.call_sid).toEqual(regexMatcher("^CA[0-9a-fA-F]{32}$", participant.call_sid));
    expect(body.conference_sid).toEqual(regexMatcher(commonPattern("ConferenceSid"), participant.conference_sid));
  });

  it("matches dates by the RFC 2822 regex, enums by an alternation, other strings by type", () => {
    const { body } = responseMatcher("participant", participant);
    expect(body.date_created).toEqual(regexMatcher(RFC_2822_PATTERN, participant.date_created));
    expect(body.status).toEqual(
      regexMatcher("^(queued|connecting|ringing|connected|complete|failed)$", participant.status),
    );
    expect(body.uri).toEqual(typeMatcher(participant.uri));
  });

  it("keeps a nullable field's example as it is and matches it as null OR its regex, boolean or any value", () => {
    const { body, rules } = responseMatcher("participant", participant);
    expect([body.queue_time, body.label, body.muted]).toEqual(["1000", "customer", participant.muted]);
    expect(rules["$.queue_time"]).toEqual({
      combine: "OR",
      matchers: [{ match: "null" }, { match: "regex", regex: "^[0-9]+$" }],
    });
    expect(rules["$.call_sid_to_coach"]).toEqual({
      combine: "OR",
      matchers: [{ match: "null" }, { match: "regex", regex: "^CA[0-9a-fA-F]{32}$" }],
    });
    expect(rules["$.muted"]).toEqual({ combine: "OR", matchers: [{ match: "null" }, { match: "boolean" }] });
    expect(rules["$.label"]?.matchers[1]).toEqual({ match: "regex", regex: "^[\\s\\S]*$" });
    expect(Object.keys(rules).sort()).toEqual([
      "$.call_sid_to_coach",
      "$.coaching",
      "$.end_conference_on_exit",
      "$.hold",
      "$.label",
      "$.muted",
      "$.queue_time",
      "$.start_conference_on_enter",
    ]);
  });

  it("gives a null example the same rule as a non-null one", () => {
    const nulls = responseMatcher("participant", participantFactory.seed(1).build({ label: null, queue_time: null }));
    expect([nulls.body.label, nulls.body.queue_time, nulls.body.call_sid_to_coach]).toEqual([null, null, null]);
    expect(nulls.rules).toEqual(responseMatcher("participant", participant).rules);
  });

  it("pins only the chosen fields, in the order given", () => {
    const { body, rules } = responseMatcher("participant", participant, { fields: ["status", "call_sid", "label"] });
    expect(Object.keys(body)).toEqual(["status", "call_sid", "label"]);
    expect(body).not.toHaveProperty("account_sid");
    expect(Object.keys(rules)).toEqual(["$.label"]);
  });

  it("rejects a field the strict schema does not have, and an example that fails the strict schema", () => {
    expect(() => responseMatcher("participant", participant, { fields: ["call_sid", "total"] })).toThrow(
      expect.objectContaining({ code: "USAGE", message: expect.stringContaining("total") }),
    );
    expect(() => responseMatcher("participant", { ...participant, call_sid: "CF123" })).toThrow(
      expect.objectContaining({ code: "INVALID_BODY" }),
    );
  });

  it("derives a list page: integers, every item kept, the first item's matchers for all, null-or rules under [*]", () => {
    const page = participantPageFactory.seed(2).answering({ PageSize: 3 }).ofTotal(3).build();
    const { body, rules } = responseMatcher("participant-page", page);
    expect(body.page_size).toEqual({ "pact:matcher:type": "integer", value: 3 });
    const first = responseMatcher("participant", page.participants[0]);
    expect(body.participants).toEqual({
      "pact:matcher:type": "type",
      min: 1,
      value: [first.body, ...page.participants.slice(1)],
    });
    expect(rules["$.next_page_uri"]?.matchers[0]).toEqual({ match: "null" });
    expect(rules["$.participants[*].label"]).toEqual(first.rules["$.label"]);
    expect(MatchersV3.reify(body)).toEqual(page);
  });

  it("pins an empty array as []", () => {
    const empty = participantPageFactory.seed(3).answering({ PageSize: 2, Page: 1 }).ofTotal(2).build();
    expect(empty.participants).toEqual([]);
    expect(responseMatcher("participant-page", empty).body.participants).toEqual([]);
  });

  it("recurses into nested objects", () => {
    const conference = conferenceFactory.seed(4).build();
    expect(responseMatcher("conference", conference).body.subresource_uris).toEqual({
      participants: typeMatcher(conference.subresource_uris.participants),
      recordings: typeMatcher(conference.subresource_uris.recordings),
    });
  });

  it("matches integers as integers (an error body)", () => {
    const error = errorFactory.seed(7).build();
    expect(responseMatcher("error", error).body).toMatchObject({
      code: { "pact:matcher:type": "integer", value: error.code },
      status: { "pact:matcher:type": "integer", value: error.status },
    });
  });

  const examples: [ResourceKind, unknown][] = [
    ["participant", participant],
    ["conference", conferenceFactory.seed(5).traits("completed").build()],
    ["stream", streamFactory.seed(6).build()],
  ];

  it.each(examples)(
    "%s: the template gives back the example, and every example value passes its own regex",
    (kind, example) => {
      const { body }: { body: BodyTemplate } = responseMatcher(kind, example);
      expect(MatchersV3.reify(body)).toEqual(example);
      const regexes = regexMatchers(body);
      expect(regexes.length).toBeGreaterThan(0);
      for (const { regex, value } of regexes) expect(value).toMatch(new RegExp(regex));
    },
  );
});

describe("enumPattern", () => {
  it("matches exactly the schema's enum values", () => {
    const pattern = new RegExp(enumPattern(readEnum("conference.json", "Status")));
    expect(["init", "in-progress", "completed"].every((value) => pattern.test(value))).toBe(true);
    expect(["", "init ", "progress", "completed-ish"].some((value) => pattern.test(value))).toBe(false);
  });

  it("escapes regex metacharacters", () => {
    const pattern = enumPattern(["a.b", "c|d", "(e)", "f*"]);
    expect(pattern).toBe("^(a\\.b|c\\|d|\\(e\\)|f\\*)$");
    expect(new RegExp(pattern).test("axb")).toBe(false);
    expect(new RegExp(pattern).test("c|d")).toBe(true);
  });
});
