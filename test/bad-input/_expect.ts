// Shared checks of the bad-input tables: a failing CLI run says one line and prints nothing else, no
// text shows a stack trace, and a folder is byte-identical before and after a failing command.
import {
  chmodSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";

/** What `run()` of test/_io.ts returns. */
export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Stack frames (`    at fn (file.js:1:2)`), Node's own error prefixes (`TypeError: …`, `Error [ERR_X]: …`) and the CLI's catch-all. */
const TRACE = [
  /^\s+at\s/m,
  /^(\w*Error|Error \[\w+\]):/m,
  /\btwilio-testkit: (\w*Error|Error):/,
  /unexpected error/i,
  /node:internal/,
];

/** A character a terminal acts on (C0 but the line feed, DEL, C1, bidirectional overrides and isolates): printed text shows them escaped. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Expects printed text to carry no raw control character, so that nothing from a bad file or argument acts on the terminal. */
export function expectPrintable(text: string): void {
  expect(text, "a raw control character").not.toMatch(RAW_CONTROL);
}

/** Expects a text to carry no stack trace, no Node error prefix and no "unexpected error". */
export function expectNoStackTrace(text: string): void {
  for (const pattern of TRACE) expect(text, `matches ${pattern}`).not.toMatch(pattern);
}

/** One issue as `formatIssues` prints it under a message: `  /status  must be one of …  [enum]`. */
const ISSUE_LINE = /^ {2}(\/\S*|\(root\)) {2}.+ {2}\[[\w-]+\]$/;

/**
 * Expects a clean CLI failure: the exit code, nothing on standard output, and exactly one error line
 * on standard error, `twilio-testkit: <message>`, matching `message`. The one exception the README
 * documents: a message ending "N issue(s):" (a factory override that breaks the schema) is followed
 * by one formatted line per issue, and nothing else. No raw control character anywhere.
 */
export function expectCliFailure(result: CliResult, code: 1 | 2, message: RegExp): void {
  expect({ code: result.code, stdout: result.stdout }).toEqual({ code, stdout: "" });
  const [first = "", ...rest] = result.stderr.replace(/\n$/, "").split("\n");
  expect(result.stderr).toMatch(/\n$/);
  expect(first).toMatch(/^twilio-testkit: \S/);
  if (rest.length > 0) {
    expect(first).toMatch(/: \d+ issues?:$/);
    for (const line of rest) expect(line).toMatch(ISSUE_LINE);
  }
  expect(result.stderr).toMatch(message);
  expectNoStackTrace(result.stderr);
  expectPrintable(result.stderr);
}

/** What a snapshot records for a path that is neither a folder nor a regular file, which it must not read (a FIFO would block). */
function special(path: string): string | undefined {
  const stats = lstatSync(path);
  if (stats.isSymbolicLink()) return `<link to ${readlinkSync(path)}>`;
  if (stats.isFIFO()) return "<fifo>";
  if (stats.isSocket()) return "<socket>";
  return stats.isFile() || stats.isDirectory() ? undefined : "<device>";
}

/** Every file under a folder, by relative path, with its bytes (`<unreadable>` for what cannot be read; FIFOs, sockets and links by kind). */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (at: string, prefix: string): void => {
    let names: string[];
    try {
      names = readdirSync(at).sort();
    } catch {
      out[`${prefix}/`] = "<unreadable>";
      return;
    }
    out[`${prefix}/`] = names.join("\n");
    for (const name of names) {
      const path = join(at, name);
      const kind = special(path);
      if (kind !== undefined) out[`${prefix}/${name}`] = kind;
      else if (statSync(path).isDirectory()) walk(path, `${prefix}/${name}`);
      else {
        try {
          out[`${prefix}/${name}`] = readFileSync(path).toString("base64");
        } catch {
          out[`${prefix}/${name}`] = "<unreadable>";
        }
      }
    }
  };
  walk(dir, "");
  return out;
}

/**
 * Whether `chmod 000` keeps this process from reading a file. Not so for root (as in many CI
 * containers); tables then use another unreadable case, such as a folder where a file belongs.
 */
export function chmodDenies(): boolean {
  const dir = mkdtempSync(join(tmpdir(), "ttk-chmod-"));
  const file = join(dir, "probe");
  writeFileSync(file, "x");
  chmodSync(file, 0o000);
  try {
    readFileSync(file);
    return false;
  } catch {
    return true;
  } finally {
    chmodSync(file, 0o600);
    rmSync(dir, { recursive: true, force: true });
  }
}
