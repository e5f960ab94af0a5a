import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { run } from "../_io.js";
import { EXAMPLES_DIR } from "../_examples.js";

const example = (file: string) => fileURLToPath(new URL(file, EXAMPLES_DIR));

describe("twilio-testkit validate", () => {
  it("exits 0 for a valid body, by operationId or tool name", async () => {
    for (const op of ["ListParticipant", "listParticipant"]) {
      const { code, stdout } = await run(["validate", op, example("participant.list.1.json")]);
      expect(code).toBe(0);
      expect(stdout).toMatch(/^valid: .* is a ListParticipant response \(tolerant profile\)\n$/);
    }
  });

  it("exits 1 for an invalid body, printing each issue's path and rule", async () => {
    const { code, stdout } = await run(["validate", "FetchParticipant", example("participant.fetch.3.json")]);
    expect(code).toBe(1);
    expect(stdout).toContain("/call_sid_to_coach  must match pattern");
    expect(stdout).toContain("[pattern]");
  });

  it("--strict checks the documented shape; --json prints data", async () => {
    const { code, stdout } = await run(["validate", "FetchParticipant", example("participant.fetch.1.json"), "--strict", "--json"]);
    expect(code).toBe(1);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ ok: false, operation: "FetchParticipant", profile: "strict" });
    expect(result.issues.map((i: { path: string; rule: string }) => [i.path, i.rule])).toEqual([["/queue_time", "required"]]);
  });

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
