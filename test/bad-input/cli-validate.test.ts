// Bad input to `twilio-testkit validate`: usage and input errors exit 2 with one line on standard
// error and nothing on standard output; exit 1 is kept for bodies that are JSON but not valid.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../_io.js";
import { chmodDenies, expectCliFailure, expectPrintable } from "./_expect.js";

let cwd: string;
const denies = chmodDenies();

beforeAll(() => {
  cwd = mkdtempSync(join(tmpdir(), "ttk-validate-"));
  writeFileSync(join(cwd, "empty.json"), "");
  writeFileSync(join(cwd, "blank.json"), " \n\t\n");
  writeFileSync(join(cwd, "not-json.json"), "participants: []\n");
  writeFileSync(join(cwd, "truncated.json"), '{"participants": [{"call_sid": "CA');
  mkdirSync(join(cwd, "folder.json"));
  writeFileSync(join(cwd, "locked.json"), "{}");
  writeFileSync(join(cwd, "controls.json"), '{"participants": \u001b[2J\u0007 \u009b31m}');
  writeFileSync(join(cwd, "controls-keys.json"), JSON.stringify({ "a\u001b[31m\nb": 1, "\u009b2J\u202e": 2 }));
  chmodSync(join(cwd, "locked.json"), 0o000);
});

afterAll(() => {
  chmodSync(join(cwd, "locked.json"), 0o600);
  rmSync(cwd, { recursive: true, force: true });
});

const KNOWN =
  "known operations are CreateParticipant, ListParticipant, FetchParticipant, UpdateParticipant, DeleteParticipant, FetchConference, UpdateConference, ListConference, CreateStream, UpdateStream";

/** [case, argv, stdin (undefined: a terminal, nothing piped), expected message] */
const ROWS: ReadonlyArray<readonly [string, readonly string[], string | undefined, RegExp]> = [
  // arguments and flags
  ["no operation", ["validate"], undefined, /missing required argument 'operation' \(add --help for usage\)$/m],
  [
    "an unknown operation",
    ["validate", "ListCalls", "empty.json"],
    undefined,
    new RegExp(`Failed to find operation "ListCalls": ${KNOWN}$`, "m"),
  ],
  [
    "an operation in the wrong case",
    ["validate", "listparticipant", "empty.json"],
    undefined,
    /Failed to find operation "listparticipant"/,
  ],
  ["an empty operation", ["validate", "", "empty.json"], undefined, /Failed to find operation "": known operations/],
  [
    "an operation named like a prototype key",
    ["validate", "__proto__", "empty.json"],
    undefined,
    /Failed to find operation "__proto__": known operations/,
  ],
  ["two files", ["validate", "ListParticipant", "a.json", "b.json"], undefined, /too many arguments for 'validate'/],
  [
    "an unknown flag",
    ["validate", "ListParticipant", "--lenient", "empty.json"],
    undefined,
    /unknown option '--lenient'/,
  ],
  [
    "a value given to a switch",
    ["validate", "ListParticipant", "--strict=yes", "empty.json"],
    undefined,
    /unknown option '--strict=yes'/,
  ],
  // files
  [
    "a missing file",
    ["validate", "ListParticipant", "no/such.json"],
    undefined,
    /Failed to read no\/such.json: no such file$/m,
  ],
  [
    "an empty FILE argument",
    ["validate", "ListParticipant", ""],
    undefined,
    /Failed to read input: the FILE argument is empty; give a file, or - for standard input$/m,
  ],
  ["a folder", ["validate", "ListParticipant", "folder.json"], undefined, /Failed to read folder.json: EISDIR/],
  denies
    ? [
        "an unreadable file (chmod 000)",
        ["validate", "ListParticipant", "locked.json"],
        undefined,
        /Failed to read locked.json: EACCES/,
      ]
    : [
        "an unreadable file (a folder where the file belongs; chmod does not bind root)",
        ["validate", "ListParticipant", "folder.json"],
        undefined,
        /Failed to read folder.json: EISDIR/,
      ],
  [
    "an empty file",
    ["validate", "ListParticipant", "empty.json"],
    undefined,
    /Failed to read empty.json: it is empty$/m,
  ],
  [
    "a file of whitespace",
    ["validate", "ListParticipant", "blank.json"],
    undefined,
    /Failed to read blank.json: it is empty$/m,
  ],
  ...(existsSync("/dev/zero")
    ? [
        [
          "a file that never ends (/dev/zero)",
          ["validate", "ListParticipant", "/dev/zero"],
          undefined,
          /Failed to read \/dev\/zero: it is larger than 64 MB$/m,
        ] as const,
      ]
    : []),
  [
    "a file that is not JSON",
    ["validate", "ListParticipant", "not-json.json"],
    undefined,
    /Failed to read not-json.json: not JSON \(.+\)$/m,
  ],
  [
    "a file of control characters, not JSON",
    ["validate", "ListParticipant", "controls.json"],
    undefined,
    /Failed to read controls.json: not JSON \(.*\\u001b.*\)$/m,
  ],
  [
    "a FILE argument with control characters",
    ["validate", "ListParticipant", "a\u001b[2J\nb.json"],
    undefined,
    /Failed to read a\\u001b\[2J\\nb\.json: no such file$/m,
  ],
  [
    "a truncated JSON file",
    ["validate", "ListParticipant", "truncated.json"],
    undefined,
    /Failed to read truncated.json: not JSON \(.+\)$/m,
  ],
  // standard input
  [
    "no file and nothing piped",
    ["validate", "ListParticipant"],
    undefined,
    /Failed to read input: give a FILE, or pipe JSON to standard input$/m,
  ],
  ["empty standard input", ["validate", "ListParticipant", "-"], "", /Failed to read standard input: it is empty$/m],
  [
    "empty standard input without -",
    ["validate", "ListParticipant"],
    "",
    /Failed to read standard input: it is empty$/m,
  ],
  [
    "standard input of whitespace",
    ["validate", "ListParticipant", "-"],
    "\n  \n",
    /Failed to read standard input: it is empty$/m,
  ],
  [
    "standard input that is not JSON",
    ["validate", "ListParticipant", "-"],
    "<Response/>",
    /Failed to read standard input: not JSON \(.+\)$/m,
  ],
  [
    "empty standard input with --json",
    ["validate", "ListParticipant", "-", "--json"],
    "",
    /Failed to read standard input: it is empty$/m,
  ],
];

describe("twilio-testkit validate, bad input", () => {
  it.each(ROWS)("%s: exit 2, one line, nothing on standard output", async (_case, argv, stdin, message) => {
    expectCliFailure(await run([...argv], { cwd, ...(stdin === undefined ? {} : { stdin }) }), 2, message);
  });

  it("keys with control characters are printed escaped, each issue on its own line, as text and as JSON", async () => {
    const text = await run(["validate", "FetchParticipant", "controls-keys.json", "--strict"], { cwd });
    expect({ code: text.code, stderr: text.stderr }).toEqual({ code: 1, stderr: "" });
    expectPrintable(text.stdout);
    expect(text.stdout).toContain("\n  /a\\u001b[31m\\nb  is not a documented field  [additionalProperties]\n");
    expect(text.stdout).toContain("\n  /\\u009b2J\\u202e  is not a documented field  [additionalProperties]\n");
    const json = await run(["validate", "FetchParticipant", "controls-keys.json", "--strict", "--json"], { cwd });
    expectPrintable(json.stdout);
    const paths = (JSON.parse(json.stdout) as { issues: Array<{ path: string }> }).issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["/a\u001b[31m\nb", "/\u009b2J\u202e"]));
  });

  it("JSON that is not the operation's body is not an input error: exit 1 with the issue on standard output", async () => {
    const { code, stdout, stderr } = await run(["validate", "ListParticipant", "-"], { stdin: "null" });
    expect({ code, stderr }).toEqual({ code: 1, stderr: "" });
    expect(stdout).toMatch(/^invalid: standard input is not a ListParticipant response \(tolerant profile\)\n/);
  });
});
