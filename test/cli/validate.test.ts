import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { participantFactory, participantPageFactory } from "../../src/factories/index.js";
import { CF_COACH_PARTICIPANT, RELATIVE_URI_PARTICIPANT_PAGE, without } from "../_findings.js";
import { run } from "../_io.js";

// Bodies of the project's own writing (test/_findings.ts), as files for the CLI to read.
const FIXTURES = mkdtempSync(join(tmpdir(), "ttk-validate-"));
const fixture = (name: string, body: unknown) => {
  const path = join(FIXTURES, name);
  writeFileSync(path, JSON.stringify(body, null, 2));
  return path;
};
const PAGE = fixture("page.json", RELATIVE_URI_PARTICIPANT_PAGE);
const CF_COACH = fixture("cf-coach.json", CF_COACH_PARTICIPANT);
const NO_QUEUE_TIME = fixture("no-queue-time.json", without(participantFactory.seed(1).build(), "queue_time"));

describe("twilio-testkit validate", () => {
  afterAll(() => rmSync(FIXTURES, { recursive: true, force: true }));

  it("exits 0 for a valid body, by operationId or tool name", async () => {
    for (const op of ["ListParticipant", "listParticipant"]) {
      const { code, stdout } = await run(["validate", op, PAGE]);
      expect(code).toBe(0);
      expect(stdout).toMatch(/^valid: .* is a ListParticipant response \(tolerant profile\)\n$/);
    }
  });

  it("exits 1 for an invalid body, printing each issue's path and rule", async () => {
    const { code, stdout } = await run(["validate", "FetchParticipant", CF_COACH]);
    expect(code).toBe(1);
    expect(stdout).toContain("/call_sid_to_coach  must match pattern");
    expect(stdout).toContain("[pattern]");
  });

  it("--strict checks the documented shape; --json prints data", async () => {
    const { code, stdout } = await run(["validate", "FetchParticipant", NO_QUEUE_TIME, "--strict", "--json"]);
    expect(code).toBe(1);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ ok: false, operation: "FetchParticipant", profile: "strict" });
    expect(result.issues.map((i: { path: string; rule: string }) => [i.path, i.rule])).toEqual([
      ["/queue_time", "required"],
    ]);
  });

  it.each(["page-uris-share-filters", "page-items-unique"] as const)(
    "--strict rejects a page that breaks %s, naming the rule",
    async (rule) => {
      const broken = fixture(`${rule}.json`, participantPageFactory.seed(2).invalid(rule));
      const { code, stdout } = await run(["validate", "ListParticipant", broken, "--strict", "--json"]);
      expect(code).toBe(1);
      expect(JSON.parse(stdout).issues.map((i: { rule: string }) => i.rule)).toEqual([rule]);
    },
  );

  it("reads standard input with - or no file", async () => {
    expect((await run(["validate", "DeleteParticipant", "-"], { stdin: "null" })).code).toBe(0);
    expect((await run(["validate", "CreateStream"], { stdin: "{}" })).code).toBe(1);
  });

  it.each([
    [["validate", "ListCalls", "x.json"], undefined, /Failed to find operation "ListCalls"/],
    [["validate", "ListParticipant", "no/such.json"], undefined, /Failed to read no\/such.json: no such file/],
    [["validate", "ListParticipant"], undefined, /give a FILE, or pipe JSON to standard input/],
    [["validate", "ListParticipant", "-"], "", /Failed to read standard input: it is empty/],
    [["validate", "ListParticipant", "-"], "{oops", /Failed to read standard input: not JSON/],
    [["validate"], undefined, /missing required argument 'operation'/],
  ])("%j exits 2 with one clear line", async (argv, stdin, message) => {
    const { code, stderr } = await run(argv, stdin === undefined ? {} : { stdin });
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("reports an unreadable path (a folder) as an I/O error", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ttk-"));
    writeFileSync(join(dir, "ok.json"), "{}");
    const { code, stderr } = await run(["validate", "ListParticipant", dir]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^twilio-testkit: Failed to read .*: EISDIR/);
  });
});
