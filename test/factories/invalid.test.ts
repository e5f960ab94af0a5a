import { describe, expect, it } from "vitest";
import { TestkitError } from "../../src/errors.js";
import {
  conferenceFactory,
  conferencePageFactory,
  errorFactory,
  FACTORIES_BY_KIND,
  INVALID_RULES,
  invalidRulesFor,
  participantFactory,
  participantPageFactory,
  streamFactory,
  type InvalidRule,
  type InvalidRuleName,
} from "../../src/factories/index.js";
import { CALLBACK_RULES } from "../../src/validate/rules/callbacks.js";
import { CROSS_FIELD_RULES } from "../../src/validate/rules/index.js";
import { RESOURCE_KINDS, type ResourceKind } from "../../src/validate/resources.js";
import { validateResource } from "../../src/validate/validate.js";

const CASES = RESOURCE_KINDS.flatMap((kind) => invalidRulesFor(kind).map((rule) => [kind, rule] as const));

const issuesOf = (kind: ResourceKind, data: unknown, profile: "strict" | "tolerant") => {
  const result = validateResource(kind, data, { profile });
  return result.ok ? [] : result.issues.map(({ path, rule }) => ({ path, rule }));
};

describe("factory.invalid(rule): each fixture breaks exactly its rule", () => {
  it.each(CASES)("%s %s", (kind, rule) => {
    const spec: InvalidRule = INVALID_RULES[rule];
    const expected = spec.cases[kind]!.issue;
    const factory = FACTORIES_BY_KIND[kind].seed(7);
    for (let i = 0; i < 25; i++) {
      const broken = factory.invalid(rule);
      expect(issuesOf(kind, broken, "strict")).toEqual([expected]);
      expect(issuesOf(kind, broken, "tolerant")).toEqual(spec.profiles.includes("tolerant") ? [expected] : []);
    }
  });

  it.each(CASES)("%s %s is reproducible under a seed", (kind, rule) => {
    const first = FACTORIES_BY_KIND[kind].seed(3);
    const again = FACTORIES_BY_KIND[kind].seed(3);
    expect(again.invalid(rule)).toEqual(first.invalid(rule));
    expect(again.invalid(rule)).toEqual(first.invalid(rule));
  });

  it("draws from the factory's sequence as build does: invalid() is the next build, broken", () => {
    const built = participantFactory.seed(3);
    built.build();
    const next = built.build();
    const broken = participantFactory.seed(3);
    broken.build();
    expect(broken.invalid("sid-prefix")).toEqual({
      ...next,
      call_sid: `CF${next.call_sid.slice(2)}`,
      uri: next.uri.replace(next.call_sid, `CF${next.call_sid.slice(2)}`),
    });
    expect(broken.invalid("sid-prefix")).not.toEqual(participantFactory.seed(3).invalid("sid-prefix"));
  });
});

describe("the catalogue", () => {
  it("covers every cross-field rule of the validator's resources, under the validator's name", () => {
    for (const name of Object.keys(CROSS_FIELD_RULES))
      if (!Object.hasOwn(CALLBACK_RULES, name)) expect(Object.keys(INVALID_RULES)).toContain(name);
  });

  it("names the issue's own rule for every cross-field rule, and a schema keyword for the others", () => {
    for (const [name, spec] of Object.entries(INVALID_RULES) as Array<[InvalidRuleName, InvalidRule]>)
      for (const c of Object.values(spec.cases))
        expect(c.issue.rule).toEqual(
          Object.hasOwn(CROSS_FIELD_RULES, name) ? name : expect.stringMatching(/^(pattern|format|enum)$/),
        );
  });

  it("lists the rules for a kind", () => {
    expect(invalidRulesFor("error")).toEqual(["more-info-matches-code"]);
    expect(invalidRulesFor("stream")).toEqual([
      "sid-prefix",
      "sid-short",
      "sid-non-hex",
      "date-gmt",
      "date-malformed",
      "date-weekday",
      "status-enum",
      "stream-uri",
    ]);
  });
});

describe("the broken values", () => {
  it.each([
    ["sid-prefix", (p: Record<string, unknown>) => expect(p.call_sid).toMatch(/^CF[0-9a-f]{32}$/)],
    ["sid-short", (p: Record<string, unknown>) => expect(p.call_sid).toMatch(/^CA[0-9a-f]{31}$/)],
    ["sid-non-hex", (p: Record<string, unknown>) => expect(p.call_sid).toMatch(/^CA[0-9a-f]{31}x$/)],
    [
      "date-gmt",
      (p: Record<string, unknown>) =>
        expect(p.date_updated).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/),
    ],
    [
      "date-malformed",
      (p: Record<string, unknown>) => expect(p.date_updated).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/),
    ],
    [
      "coaching-has-target",
      (p: Record<string, unknown>) => expect(p).toMatchObject({ coaching: true, call_sid_to_coach: null }),
    ],
  ] as const)("participant %s", (rule, check) => {
    check(participantFactory.seed(1).invalid(rule));
  });

  it("date-weekday keeps the date and names the next day's weekday", () => {
    const valid = participantFactory.seed(2).build();
    const broken = participantFactory.seed(2).invalid("date-weekday");
    const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    expect(String(broken.date_updated).slice(3)).toBe(valid.date_updated.slice(3));
    expect(days.indexOf(String(broken.date_updated).slice(0, 3))).toBe(
      (days.indexOf(valid.date_updated.slice(0, 3)) + 1) % 7,
    );
  });

  it("pages: items of two parents, and a first page on Page=1", () => {
    const page = participantPageFactory.seed(4).invalid("participants-share-conference") as {
      participants: Array<{ conference_sid: string }>;
    };
    expect(page.participants).toHaveLength(2);
    expect(page.participants[1]?.conference_sid).not.toBe(page.participants[0]?.conference_sid);
    expect(conferencePageFactory.seed(4).invalid("page-uris-agree").first_page_uri).toMatch(/[?&]Page=1(&|$)/);
  });
});

describe("composition with traits, with() and overrides", () => {
  it("overrides and traits shape the valid object; the fields the rule needs win", () => {
    const p = participantFactory.seed(5).traits("muted").invalid("sid-prefix", { label: "agent" });
    expect(p).toMatchObject({ muted: true, label: "agent" });
    const c = conferenceFactory.seed(5).traits("completed").invalid("status-enum");
    expect(issuesOf("conference", c, "strict")).toEqual([{ path: "/status", rule: "enum" }]);
  });

  it("an override that breaks the object before the rule does throws INVALID_OVERRIDE", () => {
    expect(() => participantFactory.invalid("sid-short", { status: "dialing" } as never)).toThrow(
      expect.objectContaining({ code: "INVALID_OVERRIDE" }),
    );
  });
});

describe("rules that are unknown or do not apply", () => {
  it.each([
    [
      participantFactory,
      "page-arithmetic",
      'Failed to break participant with rule "page-arithmetic": rules for participant are sid-prefix, sid-short, sid-non-hex, date-gmt',
    ],
    [
      errorFactory,
      "sid-prefix",
      'Failed to break error with rule "sid-prefix": rules for error are more-info-matches-code',
    ],
    [streamFactory, "toString", 'Failed to break stream with rule "toString": rules for stream are sid-prefix'],
  ] as const)(
    "%#: throws USAGE listing the rules for the kind",
    (factory: (typeof FACTORIES_BY_KIND)[ResourceKind], rule, message) => {
      let error: unknown;
      try {
        factory.invalid(rule as InvalidRuleName);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(TestkitError);
      expect(error).toMatchObject({ code: "USAGE" });
      expect((error as TestkitError).message).toContain(message);
    },
  );
});
