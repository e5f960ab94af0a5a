import { describe, expect, it } from "vitest";
import {
  conferenceFactory,
  conferencePageFactory,
  errorFactory,
  participantFactory,
  participantPageFactory,
  streamFactory,
} from "../../src/factories/index.js";
import { formatIssues } from "../../src/validate/issues.js";
import type { ResourceKind } from "../../src/validate/resources.js";
import { assertResource, validateResource, ValidationError } from "../../src/validate/validate.js";

const OTHER_CA = "CA0123456789abcdef0123456789abcdef";

/** A valid strict object, one change, and the single issue (path, rule) that change must cause. */
const CASES: Array<[string, ResourceKind, () => unknown, (o: any) => void, [string, string]]> = [
  [
    "unknown field",
    "participant",
    () => participantFactory.seed(1).build(),
    (p) => (p.extra = 1),
    ["/extra", "additionalProperties"],
  ],
  [
    "missing documented field",
    "participant",
    () => participantFactory.seed(1).build(),
    (p) => delete p.queue_time,
    ["/queue_time", "required"],
  ],
  [
    "null status",
    "participant",
    () => participantFactory.seed(1).build(),
    (p) => (p.status = null),
    ["/status", "type"],
  ],
  [
    "coaching without target",
    "participant",
    () => participantFactory.seed(1).traits("coaching").build(),
    (p) => (p.call_sid_to_coach = null),
    ["/call_sid_to_coach", "coaching-has-target"],
  ],
  [
    "coaching itself",
    "participant",
    () => participantFactory.seed(1).traits("coaching").build(),
    (p) => (p.call_sid_to_coach = p.call_sid),
    ["/call_sid_to_coach", "coaching-has-target"],
  ],
  [
    "updated before created",
    "participant",
    () => participantFactory.seed(1).build(),
    (p) => (p.date_updated = "Thu, 01 Jan 2015 00:00:00 +0000"),
    ["/date_updated", "dates-in-order"],
  ],
  [
    "uri of another participant",
    "participant",
    () => participantFactory.seed(1).build(),
    (p) => (p.uri = p.uri.replace(p.call_sid, OTHER_CA)),
    ["/uri", "participant-uri"],
  ],
  [
    "GMT date",
    "participant",
    () => participantFactory.seed(1).build(),
    (p) => (p.date_created = p.date_created.replace("+0000", "GMT")),
    ["/date_created", "format"],
  ],
  [
    "completed without reason",
    "conference",
    () => conferenceFactory.seed(1).traits("completed").build(),
    (c) => (c.reason_conference_ended = null),
    ["/reason_conference_ended", "completed-has-reason"],
  ],
  [
    "reason while in progress",
    "conference",
    () => conferenceFactory.seed(1).traits("in-progress").build(),
    (c) => (c.reason_conference_ended = "conference-ended-via-api"),
    ["/reason_conference_ended", "completed-has-reason"],
  ],
  [
    "left without ending call",
    "conference",
    () => conferenceFactory.seed(1).traits("last-participant-left").build(),
    (c) => (c.call_sid_ending_conference = null),
    ["/call_sid_ending_conference", "ending-call-matches-reason"],
  ],
  [
    "via API with ending call",
    "conference",
    () => conferenceFactory.seed(1).traits("conference-ended-via-api").build(),
    (c) => (c.call_sid_ending_conference = OTHER_CA),
    ["/call_sid_ending_conference", "ending-call-matches-reason"],
  ],
  [
    "subresource of another conference",
    "conference",
    () => conferenceFactory.seed(1).build(),
    (c) => (c.subresource_uris.recordings = "/2010-04-01/x.json"),
    ["/subresource_uris/recordings", "conference-uris"],
  ],
  [
    "stream uri of another call",
    "stream",
    () => streamFactory.seed(1).build(),
    (s) => (s.uri = s.uri.replace(s.call_sid, OTHER_CA)),
    ["/uri", "stream-uri"],
  ],
  [
    "more_info of another code",
    "error",
    () => errorFactory.seed(1).traits("not-found").build(),
    (e) => (e.more_info = "https://www.twilio.com/docs/errors/20003"),
    ["/more_info", "more-info-matches-code"],
  ],
  [
    "start off by one",
    "participant-page",
    () => participantPageFactory.seed(1).answering({ PageSize: 3, Page: 1 }).ofTotal(9).build(),
    (p) => (p.start = 4),
    ["/start", "page-arithmetic"],
  ],
  [
    "end of an empty page",
    "participant-page",
    () => participantPageFactory.seed(1).answering({ PageSize: 3 }).ofTotal(0).build(),
    (p) => (p.end = 1),
    ["/end", "page-arithmetic"],
  ],
  [
    "next page after the last",
    "conference-page",
    () => conferencePageFactory.seed(1).answering({ PageSize: 3 }).ofTotal(2).build(),
    (p) => (p.next_page_uri = p.first_page_uri.replace("Page=0", "Page=1")),
    ["/next_page_uri", "page-arithmetic"],
  ],
  [
    "a page past 2^53 (start 5e+21)",
    "participant-page",
    () => participantPageFactory.seed(1).answering({ PageSize: 50, Page: 1 }).ofTotal(60).build(),
    (p) => Object.assign(p, { page: 1e20, start: 5e21, end: 5e21 + 9 }),
    ["/page", "page-arithmetic"],
  ],
  [
    "uri with another PageSize",
    "conference-page",
    () => conferencePageFactory.seed(1).answering({ PageSize: 3 }).ofTotal(2).build(),
    (p) => (p.uri = p.uri.replace("PageSize=3", "PageSize=4")),
    ["/uri", "page-uris-agree"],
  ],
  [
    "next_page_uri that lost a filter",
    "participant-page",
    () => participantPageFactory.seed(1).answering({ Muted: true, PageSize: 2 }).ofTotal(5).build(),
    (p) => (p.next_page_uri = (p.next_page_uri ?? "").replace("Muted=true&", "")),
    ["/next_page_uri", "page-uris-share-filters"],
  ],
  [
    "previous_page_uri with another filter value",
    "conference-page",
    () => conferencePageFactory.seed(1).answering({ Status: "init", PageSize: 2, Page: 1 }).ofTotal(5).build(),
    (p) => (p.previous_page_uri = (p.previous_page_uri ?? "").replace("Status=init", "Status=completed")),
    ["/previous_page_uri", "page-uris-share-filters"],
  ],
  [
    "the same participant twice",
    "participant-page",
    () => participantPageFactory.seed(1).answering({ PageSize: 3 }).ofTotal(3).build(),
    (p) => (p.participants[2] = structuredClone(p.participants[0] as (typeof p.participants)[number])),
    ["/participants/2/call_sid", "page-items-unique"],
  ],
  [
    "participant of another conference",
    "participant-page",
    () => participantPageFactory.seed(1).answering({ PageSize: 3 }).ofTotal(3).build(),
    (p) => (p.participants[1] = participantFactory.seed(9).build()),
    ["/participants/1/account_sid", "participants-share-conference"],
  ],
];

describe("strict profile", () => {
  it.each(CASES)("%s breaks exactly one rule", (_, kind, make, change, expected) => {
    const value = structuredClone(make());
    expect(validateResource(kind, value, { profile: "strict" }).ok).toBe(true);
    change(value);
    const result = validateResource(kind, value, { profile: "strict" });
    const issues = result.ok ? [] : result.issues.map((i) => [i.path, i.rule]);
    expect(issues[0]).toEqual(expected);
    if (expected[1] !== "participants-share-conference") expect(issues).toHaveLength(1);
  });

  it("assertResource returns the value or throws a ValidationError listing the issues", () => {
    const p = participantFactory.seed(2).build();
    expect(assertResource("participant", p, { profile: "strict" })).toBe(p);
    const bad = { ...p, call_sid: "CF0123456789abcdef0123456789abcdef" };
    expect(() => assertResource("participant", bad)).toThrow(ValidationError);
    try {
      assertResource("participant", bad);
    } catch (e) {
      expect((e as ValidationError).code).toBe("INVALID_BODY");
      expect((e as ValidationError).issues.map((i) => i.path)).toEqual(["/call_sid"]);
    }
  });

  it("prints issues for people, one line each with path and rule", () => {
    const result = validateResource("participant", {
      account_sid: "AC1",
      conference_sid: "CF0123456789abcdef0123456789abcdef",
    });
    expect(result.ok).toBe(false);
    expect(formatIssues(result.ok ? [] : result.issues)).toBe(
      [
        "2 issues:",
        "  /call_sid  is required  [required]",
        '  /account_sid  must match pattern "^AC[0-9a-fA-F]{32}$" (Account SID: AC and 32 hex digits)  [pattern]',
      ].join("\n"),
    );
  });
});
