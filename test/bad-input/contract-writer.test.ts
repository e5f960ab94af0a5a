// Bad input to contractWriter and setupContract: pacticipant names that cannot name a file in the
// contracts folder, and a contract on disk that is not a Pact file. Each row throws TestkitError with
// its code and one line, and leaves the folder byte for byte as it was.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { contractWriter } from "../../src/contracts/contract-writer.js";
import { TestkitError } from "../../src/errors.js";
import { snapshot } from "./_expect.js";

const made: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), "ttk-writer-"));
  made.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const NAME_ROWS: ReadonlyArray<readonly [string, { consumer: string; provider?: string }, string]> = [
  [
    "a consumer name that climbs out of the folder",
    { consumer: "../../x" },
    'consumer name "../../x" must not hold "/", "\\" or control characters (it names the contract file)',
  ],
  ["a consumer name with a folder", { consumer: "team/app" }, 'consumer name "team/app" must not hold'],
  ["a consumer name with a backslash", { consumer: "a\\b" }, 'consumer name "a\\\\b" must not hold'],
  ["a consumer name with a control character", { consumer: "bell\u0007" }, 'consumer name "bell\\u0007" must not hold'],
  [
    "a consumer name with an escape sequence",
    { consumer: "\u001b[31mred" },
    'consumer name "\\u001b[31mred" must not hold',
  ],
  ["the consumer name ..", { consumer: ".." }, 'consumer name ".." is not a name'],
  ["an empty consumer name", { consumer: "" }, 'consumer name "" is not a name'],
  ["a blank consumer name", { consumer: "  " }, 'consumer name "  " is not a name'],
  [
    "a provider name that climbs out of the folder",
    { consumer: "app", provider: "../twilio" },
    'provider name "../twilio" must not hold',
  ],
];

describe("contractWriter, bad pacticipant names", () => {
  it.each(NAME_ROWS)("%s: USAGE, one line, nothing written", (_, names, message) => {
    const dir = tempDir();
    const before = snapshot(dir);
    let error: unknown;
    try {
      contractWriter({ ...names, dir });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(TestkitError);
    expect((error as TestkitError).code).toBe("USAGE");
    expect((error as TestkitError).message).toContain(`Failed to open the contract: ${message}`);
    expect((error as TestkitError).message).not.toContain("\n");
    expect(snapshot(dir)).toEqual(before);
  });
});

describe("contractWriter, a contract on disk that is not a Pact file", () => {
  it.each([
    ["not JSON", "{ not json", /^Failed to read the contract .*: Expected property name/],
    [
      "JSON without interactions",
      '{"consumer":{"name":"app"}}',
      /^Failed to read the contract .*: not a Pact file \(no "interactions" list of objects\)$/,
    ],
    [
      "a list of interactions holding null",
      '{"interactions":[null]}',
      /^Failed to read the contract .*: not a Pact file/,
    ],
    ["an array", "[1, 2]", /^Failed to read the contract .*: not a Pact file/],
  ])("%s: commit fails with IO, one line, and the contract stays as it was", async (_, text, message) => {
    const dir = tempDir();
    writeFileSync(join(dir, "app-twilio-voice-api.json"), text);
    const before = snapshot(dir);
    const contract = contractWriter({ consumer: "app", dir });
    const error = await contract.commit().then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ code: "IO" });
    expect((error as Error).message).toMatch(message);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe("contractWriter, a contract on disk that is not a regular file", () => {
  it.each([
    [
      "a named pipe with no writer",
      (path: string) => execFileSync("mkfifo", [path]),
      /^Failed to read the contract .*: a named pipe \(FIFO\), not a regular file$/,
    ],
    [
      "a directory",
      (path: string) => mkdirSync(path),
      /^Failed to read the contract .*: a directory, not a regular file$/,
    ],
  ])("%s: commit fails with IO at once, one line, and it stays as it was", async (_, make, message) => {
    const dir = tempDir();
    make(join(dir, "app-twilio-voice-api.json"));
    const before = snapshot(dir);
    const error = await contractWriter({ consumer: "app", dir })
      .commit()
      .then(
        () => undefined,
        (caught: unknown) => caught,
      );
    expect(error).toMatchObject({ code: "IO" });
    expect((error as Error).message).toMatch(message);
    expect(snapshot(dir)).toEqual(before);
  });
});
