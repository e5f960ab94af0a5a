// Bad input to `twilio-testkit fake`: each row exits 2 with one line on standard error and prints no
// document at all, not even part of one.
import { describe, expect, it } from "vitest";
import { run } from "../_io.js";
import { expectCliFailure } from "./_expect.js";

/** The bounds of --count, as `fake --help` documents them. */
const COUNT_BOUNDS = /--count <n>\s+print an array of n objects \(1 to 100000\)/;
const COUNT_ERROR = (text: string) =>
  new RegExp(
    `^twilio-testkit: Failed to read --count: ${JSON.stringify(text).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} is not a whole number from 1 to 100000\\n$`,
  );

/** As the fake Twilio words it, after its "Invalid parameter: ". */
const PAGE_TOO_LARGE =
  /^twilio-testkit: Failed to read --query: Page is too large: \(Page \+ 1\) × PageSize must be at most 9007199254740991\n$/;

const ROWS: ReadonlyArray<readonly [string, readonly string[], RegExp]> = [
  // arguments and flags
  ["no kind", ["fake"], /missing required argument 'kind' \(add --help for usage\)/],
  [
    "a kind with control characters",
    ["fake", "a\u001b[2J\u0007\u009b31m\nb\u202e"],
    /^twilio-testkit: Failed to fake "a\\u001b\[2J\\u0007\\u009b31m\\nb\\u202e": kinds are /,
  ],
  [
    "a flag with control characters",
    ["fake", "participant", "--\u001b]0;title\u0007"],
    /unknown option '--\\u001b\]0;title\\u0007'/,
  ],
  [
    "--set of a field whose name holds control characters",
    ["fake", "participant", "--set", "a\u001b[31m\nb=1"],
    /^twilio-testkit: Failed to build participant: 1 issue:\n {2}\/a\\u001b\[31m\\nb {2}is not a documented field {2}\[additionalProperties\]\n$/,
  ],
  [
    "an unknown kind",
    ["fake", "caller"],
    /Failed to fake "caller": kinds are participant, conference, stream, participant-page, conference-page, error, conference-event, conference-status, call-progress, recording-status, stream-status$/m,
  ],
  ["a second argument", ["fake", "participant", "conference"], /too many arguments for 'fake'/],
  ["an unknown flag", ["fake", "participant", "--colour", "red"], /unknown option '--colour'/],
  ["--count without a value", ["fake", "participant", "--count"], /option '--count <n>' argument missing/],
  // --count: 1 to 100000, whole numbers only
  ["--count 0", ["fake", "participant", "--count", "0"], COUNT_ERROR("0")],
  ["--count 10 million", ["fake", "participant", "--count", "10000000"], COUNT_ERROR("10000000")],
  ["--count one over the bound", ["fake", "participant", "--count", "100001"], COUNT_ERROR("100001")],
  ["--count -1", ["fake", "participant", "--count", "-1"], COUNT_ERROR("-1")],
  ["--count 1.5", ["fake", "participant", "--count", "1.5"], COUNT_ERROR("1.5")],
  ["--count 1e3", ["fake", "participant", "--count", "1e3"], COUNT_ERROR("1e3")],
  ["--count abc", ["fake", "participant", "--count", "abc"], COUNT_ERROR("abc")],
  ["--count empty", ["fake", "participant", "--count", ""], COUNT_ERROR("")],
  [
    "--count 10 million with --invalid",
    ["fake", "participant", "--invalid", "sid-prefix", "--count", "10000000"],
    COUNT_ERROR("10000000"),
  ],
  // --seed: 0 to 2^53 - 1
  [
    "--seed abc",
    ["fake", "participant", "--seed", "abc"],
    /Failed to read --seed: "abc" is not a whole number from 0 to 9007199254740991$/m,
  ],
  ["--seed -1", ["fake", "participant", "--seed", "-1"], /Failed to read --seed: "-1"/],
  ["--seed 2^53", ["fake", "participant", "--seed", "9007199254740992"], /Failed to read --seed: "9007199254740992"/],
  // --trait, --set, --invalid
  [
    "an unknown trait",
    ["fake", "participant", "--trait", "loud"],
    /Failed to apply trait "loud" to participant: traits are muted, on-hold, coaching/,
  ],
  [
    "another kind's trait",
    ["fake", "participant", "--trait", "not-found"],
    /Failed to apply trait "not-found" to participant/,
  ],
  ["--set without =", ["fake", "participant", "--set", "label"], /Failed to read --set: "label" is not key=value$/m],
  [
    "--set without a key",
    ["fake", "participant", "--set", "=agent"],
    /Failed to read --set: "=agent" is not key=value$/m,
  ],
  [
    "--set of an unknown field",
    ["fake", "participant", "--set", "volume=11"],
    /Failed to build participant: 1 issue:\n {2}\/volume {2}is not a documented field {2}\[additionalProperties\]$/m,
  ],
  [
    "--set of a bad value, with --count 3",
    ["fake", "participant", "--count", "3", "--set", "status=dialing"],
    /\/status +must be one of .*\[enum\]$/m,
  ],
  [
    "an unknown --invalid rule",
    ["fake", "participant", "--invalid", "bogus"],
    /Failed to break participant with rule "bogus": rules for participant are sid-prefix, /,
  ],
  [
    "an --invalid rule of another kind",
    ["fake", "error", "--invalid", "sid-prefix"],
    /Failed to break error with rule "sid-prefix": rules for error are more-info-matches-code$/m,
  ],
  // --query: only pages, only the list operation's parameters and values
  [
    "--query on a resource",
    ["fake", "stream", "--query", "PageSize=3"],
    /Failed to read --query: only participant-page and conference-page answer a query$/m,
  ],
  [
    "--query without =",
    ["fake", "participant-page", "--query", "PageSize"],
    /Failed to read --query: "PageSize" is not key=value$/m,
  ],
  [
    "--query of an unknown parameter",
    ["fake", "participant-page", "--query", "Volume=11"],
    /Failed to read --query: Volume is not a query parameter of ListParticipant$/m,
  ],
  [
    "--query of another list's parameter",
    ["fake", "participant-page", "--query", "Status=completed"],
    /Failed to read --query: Status is not a query parameter of ListParticipant$/m,
  ],
  [
    "--query PageSize=abc",
    ["fake", "participant-page", "--query", "PageSize=abc"],
    /Failed to read --query: PageSize must be integer$/m,
  ],
  [
    "--query PageSize=0",
    ["fake", "conference-page", "--query", "PageSize=0"],
    /Failed to read --query: PageSize must be >= 1$/m,
  ],
  [
    "--query Status=nope",
    ["fake", "conference-page", "--query", "Status=nope"],
    /Failed to read --query: Status must be one of "init", "in-progress", "completed"$/m,
  ],
  [
    "--query Muted=maybe",
    ["fake", "participant-page", "--query", "Muted=maybe"],
    /Failed to read --query: Muted must be boolean$/m,
  ],
  // Page: a whole number ≥ 0 whose page the fake Twilio can answer, (Page + 1) × PageSize at most 2^53 − 1
  [
    "--query Page=-1",
    ["fake", "participant-page", "--query", "Page=-1"],
    /Failed to read --query: Page must be >= 0$/m,
  ],
  [
    "--query Page=1.5",
    ["fake", "participant-page", "--query", "Page=1.5"],
    /Failed to read --query: Page must be integer$/m,
  ],
  [
    "--query Page=99999999999999999999",
    ["fake", "participant-page", "--query", "Page=99999999999999999999"],
    PAGE_TOO_LARGE,
  ],
  [
    "--query Page one past the bound at PageSize 50 (the default)",
    ["fake", "conference-page", "--query", "Page=180143985094819"],
    PAGE_TOO_LARGE,
  ],
  [
    "--query Page=2^53 − 1 with PageSize=1",
    ["fake", "participant-page", "--query", "Page=9007199254740991", "--query", "PageSize=1"],
    PAGE_TOO_LARGE,
  ],
  [
    "--query DateCreated<=yesterday",
    ["fake", "conference-page", "--query", "DateCreated<=yesterday"],
    /Failed to read --query: DateCreated< must match format "date"$/m,
  ],
];

describe("twilio-testkit fake, bad input", () => {
  it.each(ROWS)("%s: exit 2, one line, no document", async (_case, argv, message) => {
    expectCliFailure(await run([...argv]), 2, message);
  });

  it("--help documents the bounds of --count that the rows hold it to, and both bounds print", async () => {
    expect((await run(["fake", "--help"])).stdout).toMatch(COUNT_BOUNDS);
    const one = await run(["fake", "error", "--count", "1", "--seed", "1"]);
    expect(one.code).toBe(0);
    expect(JSON.parse(one.stdout)).toHaveLength(1);
  });

  it("the last Page that fits prints, its numbers exact", async () => {
    const { code, stdout, stderr } = await run([
      "fake",
      "participant-page",
      "--seed",
      "1",
      "--query",
      "Page=180143985094818",
    ]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(JSON.parse(stdout)).toMatchObject({ page: 180143985094818, page_size: 50, start: 9007199254740900 });
  });

  it("a --query the rows refuse is accepted when valid, typed as the list operation types it", async () => {
    const { code, stdout, stderr } = await run([
      "fake",
      "conference-page",
      "--seed",
      "1",
      "--query",
      "Status=completed",
      "--query",
      "PageSize=2",
      "--query",
      "FriendlyName=123",
    ]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    const page = JSON.parse(stdout) as {
      page_size: number;
      conferences: Array<{ status: string; friendly_name: string }>;
    };
    expect(page.page_size).toBe(2);
    for (const conference of page.conferences)
      expect(conference).toMatchObject({ status: "completed", friendly_name: "123" });
  });
});
