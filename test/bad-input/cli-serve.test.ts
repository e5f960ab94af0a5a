// Bad input to `twilio-testkit serve`: each row exits 2 with one line on standard error, before the
// banner: nothing listens, nothing is printed on standard output.
import { createServer, type AddressInfo, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../_io.js";
import { expectCliFailure } from "./_expect.js";

/** Runs `serve` in-process; were a row to start the server after all, it stops at once instead of hanging the test. */
const serve = (argv: readonly string[]) => run(["serve", ...argv], { untilStopped: async () => undefined });

let blocker: Server;
let busyPort = 0;

beforeAll(async () => {
  blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
  busyPort = (blocker.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => blocker.close(() => resolve())));

const PORT = (text: string) =>
  new RegExp(`Failed to read --port: ${JSON.stringify(text)} is not a whole number from 0 to 65535$`, "m");
const SEED = (text: string) =>
  new RegExp(`Failed to read --seed: ${JSON.stringify(text)} is not a whole number from 0 to 9007199254740991$`, "m");

/** [case, argv (a function, for the port in use), expected message] */
const ROWS: ReadonlyArray<readonly [string, () => readonly string[], RegExp]> = [
  ["--port -1", () => ["--port", "-1"], PORT("-1")],
  ["--port 65536", () => ["--port", "65536"], PORT("65536")],
  ["--port abc", () => ["--port", "abc"], PORT("abc")],
  ["--port empty", () => ["--port", ""], PORT("")],
  ["--port 80.5", () => ["--port", "80.5"], PORT("80.5")],
  ["--port 0x50", () => ["--port", "0x50"], PORT("0x50")],
  ["--port without a value", () => ["--port"], /option '--port <n>' argument missing \(add --help for usage\)$/m],
  [
    "a port in use",
    () => ["--port", String(busyPort)],
    /Failed to start the fake Twilio on 127\.0\.0\.1:\d+: .*EADDRINUSE/,
  ],
  ["--seed abc", () => ["--seed", "abc"], SEED("abc")],
  ["--seed -1", () => ["--seed", "-1"], SEED("-1")],
  ["--seed 1.5", () => ["--seed", "1.5"], SEED("1.5")],
  ["--seed 2^53", () => ["--seed", "9007199254740992"], SEED("9007199254740992")],
  ["--seed empty", () => ["--seed", ""], SEED("")],
  ["an empty --auth-token", () => ["--auth-token", ""], /Failed to start the fake Twilio: the auth token is empty$/m],
  ["an unknown flag", () => ["--verbose"], /unknown option '--verbose'/],
  ["an argument", () => ["4010"], /too many arguments for 'serve'/],
];

describe("twilio-testkit serve, bad input", () => {
  it.each(ROWS)("%s: exit 2, one line, no banner", async (_case, argv, message) => {
    expectCliFailure(await serve(argv()), 2, message);
  });

  it("the port in use is named in the message, and the one holding it keeps it", async () => {
    const { stderr } = await serve(["--port", String(busyPort)]);
    expect(stderr).toContain(`127.0.0.1:${busyPort}`);
    expect(blocker.listening).toBe(true);
  });
});
