// The facts of ../shared/twilio-examples/FINDINGS.md, on bodies of the project's own writing
// (test/_findings.ts): these run in a clone with nothing beside it. examples.test.ts checks the same
// facts on the real bodies when the corpus is there.
import { describe, expect, it } from "vitest";
import type { OperationId } from "../../src/generated/schemas.js";
import type { Profile } from "../../src/validate/resources.js";
import { validateResponse } from "../../src/validate/validate.js";
import {
  CF_COACH_PAGE,
  CF_COACH_PARTICIPANT,
  CURRENT_CONFERENCE_PAGE,
  CURRENT_SHAPES,
  EMPTY_PAGE,
  LEGACY_ENVELOPE_KEYS,
  LEGACY_ENVELOPE_PAGES,
  LEGACY_MISSING,
  LEGACY_SHAPES,
  NULL_FIELDS,
  ONE_KEY_SUBRESOURCES,
  ONE_KEY_SUBRESOURCES_PAGE,
  QUEUE_TIMES,
  RELATIVE_URI_CONFERENCE_PAGE,
  RELATIVE_URI_PARTICIPANT_PAGE,
  RFC2822_PARTICIPANT,
  TOLERATED,
  UNENDED_CONFERENCE_PAGE,
  UNENDED_CONFERENCES,
  UNKNOWN_REGION,
} from "../_findings.js";

/** The (path, rule) pairs of a response's issues; [] when it is valid. */
function issues(operation: OperationId, body: unknown, profile: Profile = "tolerant"): string[][] {
  const result = validateResponse(operation, body, { profile });
  return result.ok ? [] : result.issues.map((i) => [i.path, i.rule]);
}

describe("FINDINGS.md on the project's own fixtures: the tolerant profile", () => {
  it.each(TOLERATED.flatMap((f) => f.operations.map((operation) => [f.item, operation, f.body] as const)))(
    "accepts %s as a %s response",
    (_, operation, body) => {
      expect(issues(operation, body)).toEqual([]);
    },
  );

  it("item 8: rejects a CF… call_sid_to_coach on that field alone, in an instance and on a page", () => {
    for (const operation of ["CreateParticipant", "FetchParticipant", "UpdateParticipant"] as const) {
      expect(issues(operation, CF_COACH_PARTICIPANT)).toEqual([["/call_sid_to_coach", "pattern"]]);
    }
    expect(issues("ListParticipant", CF_COACH_PAGE)).toEqual([["/participants/1/call_sid_to_coach", "pattern"]]);
  });
});

describe("FINDINGS.md on the project's own fixtures: what each fixture shows, and where the line is", () => {
  it("item 1: every envelope URI is a relative path, filters with < or > percent-encoded; strict accepts them", () => {
    for (const page of [RELATIVE_URI_PARTICIPANT_PAGE, RELATIVE_URI_CONFERENCE_PAGE]) {
      for (const key of ["uri", "first_page_uri", "next_page_uri", "previous_page_uri"] as const)
        expect(page[key]).toMatch(/^\/2010-04-01\/Accounts\/AC[0-9a-f]{32}\//);
    }
    expect(RELATIVE_URI_CONFERENCE_PAGE.first_page_uri).toContain("?Status=in-progress&DateCreated%3E=2024-05-01&");
    expect(issues("ListParticipant", RELATIVE_URI_PARTICIPANT_PAGE, "strict")).toEqual([]);
    expect(issues("ListConference", RELATIVE_URI_CONFERENCE_PAGE, "strict")).toEqual([]);
  });

  it("item 2: a null end reason passes both profiles while not completed; a value outside the enum does not", () => {
    for (const conference of UNENDED_CONFERENCES) {
      expect(conference).toMatchObject({ reason_conference_ended: null, call_sid_ending_conference: null });
      expect(issues("FetchConference", conference, "strict")).toEqual([]);
      for (const profile of ["tolerant", "strict"] as const) {
        expect(issues("FetchConference", { ...conference, reason_conference_ended: "hung-up" }, profile)[0]).toEqual([
          "/reason_conference_ended",
          "enum",
        ]);
      }
    }
    expect(UNENDED_CONFERENCE_PAGE.conferences.map((c) => c.reason_conference_ended)).toEqual([null, null, null]);
    expect(issues("ListConference", UNENDED_CONFERENCE_PAGE, "strict")).toEqual([]);
  });

  it("item 3: dates pass as Twilio writes them (+0000), not as toUTCString (GMT) or RFC 3339 writes them", () => {
    const instant = new Date("2024-03-02T07:04:09Z");
    expect(RFC2822_PARTICIPANT.date_created).toBe("Sat, 02 Mar 2024 07:04:09 +0000");
    expect(issues("FetchParticipant", RFC2822_PARTICIPANT, "strict")).toEqual([]);
    for (const date of [instant.toUTCString(), instant.toISOString()]) {
      for (const profile of ["tolerant", "strict"] as const)
        expect(issues("FetchParticipant", { ...RFC2822_PARTICIPANT, date_created: date }, profile)).toEqual([
          ["/date_created", "format"],
        ]);
    }
  });

  it("item 4: one-key subresource_uris pass tolerant; strict (today's shape) requires recordings", () => {
    expect(Object.keys(ONE_KEY_SUBRESOURCES.subresource_uris)).toEqual(["participants"]);
    expect(issues("FetchConference", ONE_KEY_SUBRESOURCES, "strict")).toEqual([
      ["/subresource_uris/recordings", "required"],
    ]);
    expect(issues("ListConference", ONE_KEY_SUBRESOURCES_PAGE, "strict")).toEqual([
      ["/conferences/1/subresource_uris/recordings", "required"],
    ]);
  });

  it("item 5: older shapes pass tolerant; strict names each missing field as required", () => {
    const required = (fields: readonly string[]) => fields.map((f) => [`/${f}`, "required"]);
    expect(issues("FetchParticipant", LEGACY_SHAPES.participant, "strict").sort()).toEqual(
      required(LEGACY_MISSING.participant).sort(),
    );
    expect(issues("CreateStream", LEGACY_SHAPES.stream, "strict")).toEqual(required(LEGACY_MISSING.stream));
    expect(
      issues("FetchConference", LEGACY_SHAPES.conference, "strict")
        .filter(([, rule]) => rule === "required")
        .sort(),
    ).toEqual(required(LEGACY_MISSING.conference).sort());
  });

  it("item 6: queue_time is a digit string or null, never a number", () => {
    expect(QUEUE_TIMES.created.queue_time).toBe("2500");
    expect(QUEUE_TIMES.fetched.queue_time).toBeNull();
    for (const profile of ["tolerant", "strict"] as const) {
      expect(issues("CreateParticipant", QUEUE_TIMES.created, profile)).toEqual([]);
      expect(issues("CreateParticipant", { ...QUEUE_TIMES.created, queue_time: 2500 }, profile)).toEqual([
        ["/queue_time", "type"],
      ]);
    }
  });

  it("item 7: strict rejects exactly the legacy envelope keys", () => {
    const extra = LEGACY_ENVELOPE_KEYS.map((k) => [`/${k}`, "additionalProperties"]);
    expect(issues("ListParticipant", LEGACY_ENVELOPE_PAGES.participant, "strict")).toEqual(extra);
    expect(issues("ListConference", LEGACY_ENVELOPE_PAGES.conference, "strict")).toEqual(extra);
    expect(LEGACY_ENVELOPE_PAGES.participant.uri).not.toContain("?");
  });

  it("item 9: region unknown passes both profiles", () => {
    expect(UNKNOWN_REGION.region).toBe("unknown");
    expect(issues("FetchConference", UNKNOWN_REGION, "strict")).toEqual([]);
  });

  it("item 10: nullable plain fields pass both profiles when null", () => {
    expect(NULL_FIELDS.conference).toMatchObject({ friendly_name: null, call_sid_ending_conference: null });
    expect(NULL_FIELDS.participant).toMatchObject({ label: null, call_sid_to_coach: null, queue_time: null });
    expect(NULL_FIELDS.stream.name).toBeNull();
    expect(issues("FetchConference", NULL_FIELDS.conference, "strict")).toEqual([]);
    expect(issues("FetchParticipant", NULL_FIELDS.participant, "strict")).toEqual([]);
    expect(issues("UpdateStream", NULL_FIELDS.stream, "strict")).toEqual([]);
  });

  it("section 3: an empty page ends at 0, not -1", () => {
    expect(EMPTY_PAGE).toMatchObject({ participants: [], start: 0, end: 0 });
    expect(issues("ListParticipant", EMPTY_PAGE, "strict")).toEqual([]);
    expect(issues("ListParticipant", { ...EMPTY_PAGE, end: -1 }, "strict")).toContainEqual(["/end", "page-arithmetic"]);
  });

  it("section 5: hand-written bodies in today's documented shape pass strict", () => {
    expect(issues("FetchConference", CURRENT_SHAPES.conference, "strict")).toEqual([]);
    expect(issues("CreateStream", CURRENT_SHAPES.stream, "strict")).toEqual([]);
    expect(issues("ListConference", CURRENT_CONFERENCE_PAGE, "strict")).toEqual([]);
  });
});
