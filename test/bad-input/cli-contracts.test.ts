// Bad input to `twilio-testkit contracts check | verify | publish | can-i-deploy | record-deployment |
// create-environment`:
// each row exits with its code and one line on standard error, prints nothing on standard output,
// never shows the broker token, and leaves the working folder (contracts/ and every fixture) byte
// for byte as it was.
import { execFileSync } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../_io.js";
import { closedPort, type FakeBroker, startFakeBroker } from "../contracts/_broker.js";
import { chmodDenies, expectCliFailure, expectNoStackTrace, expectPrintable, snapshot } from "./_expect.js";

const REPO_CONTRACTS = fileURLToPath(new URL("../../contracts", import.meta.url));
const TOKEN = "tok-bad-input-5e1f-very-secret";
const denies = chmodDenies();

let cwd: string;
/** Listens on the socket fixture, so that it is a live Unix socket. */
let socket: Server;
/** An http URL on 127.0.0.1 where nothing listens, for the broker and for a provider. */
let nowhere: string;
/**
 * A broker that knows only version 1.0.0 and environment `test`, and refuses changed pacts (409) as
 * Pact Broker 2.x does.
 */
let broker: FakeBroker;
const CHANGED_PACT =
  "Cannot change the content of the pact for conference-app version 1.2.3 and provider twilio-voice-api, as race conditions will cause unreliable results for can-i-deploy. Each pact must be published with a unique consumer version number.";

const pact = (interactions: unknown[]) =>
  JSON.stringify({
    consumer: { name: "bad-input" },
    provider: { name: "twilio-voice-api" },
    interactions,
    metadata: { pactSpecification: { version: "4.0" } },
  });

beforeAll(async () => {
  nowhere = `http://127.0.0.1:${await closedPort()}`;
  const conflict = { notices: [{ type: "error", text: CHANGED_PACT }], errors: { contracts: [CHANGED_PACT] } };
  broker = await startFakeBroker({
    versions: ["1.0.0"],
    environments: ["test"],
    failure: { method: "POST", path: "/contracts/publish", status: 409, body: conflict },
  });
  cwd = mkdtempSync(join(tmpdir(), "ttk-contracts-"));
  cpSync(REPO_CONTRACTS, join(cwd, "contracts"), { recursive: true });
  const fixture = (dir: string, files: Record<string, string> = {}) => {
    mkdirSync(join(cwd, dir));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(cwd, dir, name), text);
  };
  fixture("empty");
  fixture("readme-only", { "README.md": "# not a pact\n" });
  fixture("not-json", { "a.json": "{ consumer: bad-input }\n" });
  fixture("empty-file", { "a.json": "" });
  fixture("not-pact", { "a.json": "[1, 2, 3]\n" });
  fixture("no-request", { "a.json": pact([{ description: "half an interaction" }]) });
  fixture("bad-status", {
    "a.json": pact([
      { description: "a status that is not one", request: { method: "GET", path: "/x" }, response: { status: "abc" } },
    ]),
  });
  const refused = JSON.parse(readFileSync(join(REPO_CONTRACTS, "conference-app-twilio-voice-api.json"), "utf8")) as {
    interactions: Array<{ providerStates: Array<{ params: Record<string, unknown> }> }>;
  };
  refused.interactions = refused.interactions.slice(0, 1);
  delete refused.interactions[0]?.providerStates[0]?.params.ConferenceSid;
  fixture("refused-state", { "a.json": JSON.stringify(refused) });
  fixture("folder-pact");
  mkdirSync(join(cwd, "folder-pact", "a.json"));
  fixture("controls", { "a\u001b[31m\n.json": "\u001b[2J\u0007 not json \u009b31m" });
  fixture("fifo-pact");
  execFileSync("mkfifo", [join(cwd, "fifo-pact", "a.json")]);
  fixture("socket-pact");
  socket = createServer();
  await new Promise<void>((resolve) => socket.listen(join(cwd, "socket-pact", "a.json"), resolve));
  fixture("device-pact");
  symlinkSync("/dev/zero", join(cwd, "device-pact", "a.json"));
  fixture("locked-dir", { "a.json": pact([]) });
  fixture("locked-file", { "a.json": pact([]) });
  writeFileSync(join(cwd, "a-file"), "not a folder\n");
  chmodSync(join(cwd, "locked-file", "a.json"), 0o000);
  chmodSync(join(cwd, "locked-dir"), 0o000);
});

afterAll(async () => {
  await broker.close();
  await new Promise((resolve) => socket.close(resolve));
  chmodSync(join(cwd, "locked-dir"), 0o700);
  chmodSync(join(cwd, "locked-file", "a.json"), 0o600);
  rmSync(cwd, { recursive: true, force: true });
});

type Env = Record<string, string>;
/** A broker that is down; no retries, so the Pact CLI gives up at once. */
const down = (): Env => ({ PACT_BROKER_BASE_URL: nowhere, PACT_BROKER_TOKEN: TOKEN, PACT_BROKER_HTTP_RETRIES: "0" });
const withBroker = (url: string): Env => ({ ...down(), PACT_BROKER_BASE_URL: url });
/** The fake broker of beforeAll. */
const known = (): Env => withBroker(broker.url);
/** Credentials inside the URL of a broker that is down; the password is the token, so that every row's check covers it. */
const downWithPassword = (): Env => ({
  PACT_BROKER_BASE_URL: nowhere.replace("://", `://ci:${TOKEN}@`),
  PACT_BROKER_HTTP_RETRIES: "0",
});

/** The folder cases every command that reads a contracts folder must refuse: [case, DIR, message]. */
const FOLDERS: ReadonlyArray<readonly [string, string, RegExp]> = [
  ["a missing folder", "nope", /Failed to read contracts directory nope: no such directory$/m],
  ["a file where the folder belongs", "a-file", /Failed to read contracts directory a-file: not a directory$/m],
  denies
    ? ["an unreadable folder (chmod 000)", "locked-dir", /Failed to read contracts directory locked-dir: EACCES/]
    : [
        "an unreadable folder (root ignores chmod: a file where the folder belongs)",
        "a-file",
        /Failed to read contracts directory a-file: not a directory$/m,
      ],
  ["an empty folder", "empty", /Failed to read contracts directory empty: it holds no \*\.json pact files$/m],
  [
    "a folder without *.json",
    "readme-only",
    /Failed to read contracts directory readme-only: it holds no \*\.json pact files$/m,
  ],
  ["a pact file that is not JSON", "not-json", /Failed to read not-json\/a\.json: not JSON \(.+\)$/m],
  [
    "an empty pact file",
    "empty-file",
    /Failed to read empty-file\/a\.json: not JSON \(Unexpected end of JSON input\)$/m,
  ],
  [
    "JSON that is not a pact",
    "not-pact",
    /Failed to read not-pact\/a\.json: not a pact file \(it needs consumer, provider and interactions\)$/m,
  ],
  [
    "an interaction without a request",
    "no-request",
    /Failed to read no-request\/a\.json interaction 0: an HTTP interaction without a request and response$/m,
  ],
  [
    "a response status that is not one",
    "bad-status",
    /Failed to read bad-status\/a\.json interaction 0: response status "abc" is not an HTTP status/,
  ],
  denies
    ? ["an unreadable pact file (chmod 000)", "locked-file", /Failed to read locked-file\/a\.json: EACCES/]
    : [
        "an unreadable pact file (root ignores chmod: a folder named a.json)",
        "folder-pact",
        /Failed to read folder-pact\/a\.json: a directory, not a regular file$/m,
      ],
  [
    "a pact file of control characters, under a name with some",
    "controls",
    /Failed to read controls\/a\\u001b\[31m\\n\.json: not JSON \(.*\\u001b\[2J\\u0007.*\)$/m,
  ],
  // Files that are not regular files are refused when opened, not read: a FIFO would block forever.
  ["a folder named a.json", "folder-pact", /Failed to read folder-pact\/a\.json: a directory, not a regular file$/m],
  [
    "a FIFO named a.json, with no writer",
    "fifo-pact",
    /Failed to read fifo-pact\/a\.json: a named pipe \(FIFO\), not a regular file$/m,
  ],
  ["a Unix socket named a.json", "socket-pact", /Failed to read socket-pact\/a\.json: a socket, not a regular file$/m],
  [
    "a device named a.json (a link to /dev/zero)",
    "device-pact",
    /Failed to read device-pact\/a\.json: a character device, not a regular file$/m,
  ],
];

const PUBLISH_FLAGS = ["--consumer-app-version", "1.2.3", "--branch", "main"];
const DEPLOY_FLAGS = ["--pacticipant", "conference-app", "--version", "1.2.3", "--to-environment", "production"];
const RECORD_FLAGS = ["--pacticipant", "conference-app", "--version", "1.2.3", "--environment", "production"];
const SET_BROKER =
  /set PACT_BROKER_BASE_URL to the Pact Broker's URL \(and PACT_BROKER_TOKEN, or PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD\)$/m;
const NO_BROKER = /Failed to access pact broker/;

/**
 * A row: [case, argv, env, exit code, message, the subfolder to run in (default the working folder)];
 * argv and env are functions, since the closed port is only known in beforeAll.
 */
type Row = readonly [string, () => readonly string[], () => Env, 1 | 2, RegExp, string?];

const none = (): Env => ({});

const ROWS: Record<string, readonly Row[]> = {
  check: [
    ...FOLDERS.map(([what, dir, message]): Row => [what, () => ["contracts", "check", dir], none, 2, message]),
    [
      "no DIR, and no contracts/ in the working folder",
      () => ["contracts", "check", "--strict"],
      none,
      2,
      /Failed to read contracts directory contracts: no such directory$/m,
      "empty",
    ],
    ["two folders", () => ["contracts", "check", "contracts", "pacts"], none, 2, /too many arguments for 'check'/],
    ["an unknown flag", () => ["contracts", "check", "--fix"], none, 2, /unknown option '--fix'/],
  ],
  verify: [
    ...FOLDERS.map(([what, dir, message]): Row => [what, () => ["contracts", "verify", dir], none, 2, message]),
    [
      "--seed abc",
      () => ["contracts", "verify", "--seed", "abc"],
      none,
      2,
      /Failed to read --seed: "abc" is not a whole number from 0 to 9007199254740991$/m,
    ],
    [
      "a --provider-base-url that is not a URL",
      () => ["contracts", "verify", "--provider-base-url", "localhost 4010"],
      none,
      2,
      /Failed to verify contracts: --provider-base-url "localhost 4010" is not a URL$/m,
    ],
    [
      "a --provider-base-url that is not http",
      () => ["contracts", "verify", "--provider-base-url", "ftp://127.0.0.1/"],
      none,
      2,
      /Failed to verify contracts: --provider-base-url "ftp:\/\/127\.0\.0\.1\/" is not an http or https URL$/m,
    ],
    [
      "an unreachable provider",
      () => ["contracts", "verify", "--provider-base-url", nowhere],
      none,
      2,
      /Failed to verify contracts against http:\/\/127\.0\.0\.1:\d+: the provider does not answer \(ECONNREFUSED\)$/m,
    ],
    [
      "publishing results without PACT_BROKER_BASE_URL",
      () => [
        "contracts",
        "verify",
        "--publish-verification-results",
        "--provider-app-version",
        "1.4.0",
        "--branch",
        "main",
      ],
      none,
      2,
      /Failed to publish verification results: set PACT_BROKER_BASE_URL/,
    ],
    [
      "publishing results with a -led --provider-app-version",
      () => [
        "contracts",
        "verify",
        "--publish-verification-results",
        "--provider-app-version",
        "-x",
        "--branch",
        "main",
      ],
      down,
      2,
      /Failed to publish verification results: --provider-app-version "-x" must not start with "-"$/m,
    ],
    [
      "publishing results with an empty --branch",
      () => [
        "contracts",
        "verify",
        "--publish-verification-results",
        "--provider-app-version",
        "1.4.0",
        "--branch",
        " ",
      ],
      down,
      2,
      /Failed to publish verification results: --branch needs a value$/m,
    ],
    [
      "publishing results to an unreachable broker (named, not the fake provider)",
      () => [
        "contracts",
        "verify",
        "--publish-verification-results",
        "--provider-app-version",
        "1.4.0",
        "--branch",
        "main",
      ],
      down,
      2,
      /Failed to fetch the pacts to verify from the Pact Broker at http:\/\/127\.0\.0\.1:\d+: Failed to access pact broker/,
    ],
    [
      "publishing results to an unreachable broker whose URL holds a password",
      () => [
        "contracts",
        "verify",
        "--publish-verification-results",
        "--provider-app-version",
        "1.4.0",
        "--branch",
        "main",
      ],
      downWithPassword,
      2,
      /Failed to fetch the pacts to verify from the Pact Broker at http:\/\/127\.0\.0\.1:\d+: Failed to access pact broker/,
    ],
    [
      "a --provider-base-url with a password",
      () => ["contracts", "verify", "--provider-base-url", nowhere.replace("://", `://ci:${TOKEN}@`)],
      none,
      2,
      /Failed to verify contracts: --provider-base-url "http:\/\/ci:\*\*\*@127\.0\.0\.1:\d+" holds credentials; give it without them/,
    ],
    [
      "a provider state the fake refuses (its message shown)",
      () => ["contracts", "verify", "refused-state"],
      none,
      1,
      /1 of 1 interactions failed: .* \(the provider's state change answered: Failed to set up provider state "a conference has participants": .*ConferenceSid.*\)$/m,
    ],
    ["an unknown flag", () => ["contracts", "verify", "--provider", "x"], none, 2, /unknown option '--provider'/],
  ],
  publish: [
    ["no PACT_BROKER_BASE_URL", () => ["contracts", "publish", ...PUBLISH_FLAGS], none, 2, SET_BROKER],
    [
      "a PACT_BROKER_BASE_URL that is not a URL",
      () => ["contracts", "publish", ...PUBLISH_FLAGS],
      () => withBroker("broker.example.com"),
      2,
      /Failed to publish contracts: PACT_BROKER_BASE_URL "broker\.example\.com" is not an http or https URL$/m,
    ],
    [
      "a user name without a password",
      () => ["contracts", "publish", ...PUBLISH_FLAGS],
      () => ({ ...down(), PACT_BROKER_USERNAME: "ci" }),
      2,
      /Failed to publish contracts: set both PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD, or neither$/m,
    ],
    ...FOLDERS.map(
      ([what, dir, message]): Row => [what, () => ["contracts", "publish", dir, ...PUBLISH_FLAGS], down, 2, message],
    ),
    [
      "an empty --consumer-app-version",
      () => ["contracts", "publish", "--consumer-app-version", "", "--branch", "main"],
      down,
      2,
      /Failed to publish contracts: --consumer-app-version needs a value$/m,
    ],
    [
      "a -led --consumer-app-version",
      () => ["contracts", "publish", "--consumer-app-version", "-1", "--branch", "main"],
      down,
      2,
      /Failed to publish contracts: --consumer-app-version "-1" must not start with "-"$/m,
    ],
    [
      "a blank --branch",
      () => ["contracts", "publish", "--consumer-app-version", "1.2.3", "--branch", " "],
      down,
      2,
      /Failed to publish contracts: --branch needs a value$/m,
    ],
    ["an unreachable broker", () => ["contracts", "publish", ...PUBLISH_FLAGS], down, 2, NO_BROKER],
    [
      "credentials in PACT_BROKER_BASE_URL and in PACT_BROKER_USERNAME",
      () => ["contracts", "publish", ...PUBLISH_FLAGS],
      () => ({ ...downWithPassword(), PACT_BROKER_USERNAME: "ci", PACT_BROKER_PASSWORD: TOKEN }),
      2,
      /Failed to publish contracts: PACT_BROKER_BASE_URL holds credentials and PACT_BROKER_USERNAME \/ PACT_BROKER_PASSWORD are set too; keep one of them$/m,
    ],
    [
      "a user name without a password in PACT_BROKER_BASE_URL",
      () => ["contracts", "publish", ...PUBLISH_FLAGS],
      () => ({ PACT_BROKER_BASE_URL: nowhere.replace("://", `://${TOKEN}@`) }),
      2,
      /Failed to publish contracts: PACT_BROKER_BASE_URL holds a user name without a password; give https:\/\/user:password@host\/, or PACT_BROKER_TOKEN for a token$/m,
    ],
    [
      "changed pacts under a published version (409)",
      () => ["contracts", "publish", ...PUBLISH_FLAGS],
      known,
      2,
      /Failed to publish contracts to http:\/\/127\.0\.0\.1:\d+: Pact publication failed: contracts: Cannot change the content of the pact .* Each pact must be published with a unique consumer version number\.$/m,
    ],
    [
      "an unknown flag",
      () => ["contracts", "publish", "--tag", "prod", ...PUBLISH_FLAGS],
      down,
      2,
      /unknown option '--tag'/,
    ],
  ],
  "can-i-deploy": [
    ["no PACT_BROKER_BASE_URL", () => ["contracts", "can-i-deploy", ...DEPLOY_FLAGS], none, 2, SET_BROKER],
    [
      "a PACT_BROKER_BASE_URL that is not http",
      () => ["contracts", "can-i-deploy", ...DEPLOY_FLAGS],
      () => withBroker("file:///tmp/broker"),
      2,
      /Failed to check can-i-deploy: PACT_BROKER_BASE_URL "file:\/\/\/tmp\/broker" is not an http or https URL$/m,
    ],
    [
      "an unreachable broker",
      () => ["contracts", "can-i-deploy", ...DEPLOY_FLAGS],
      down,
      2,
      /Failed to check can-i-deploy for conference-app: .*Failed to access pact broker/,
    ],
    [
      "an unreachable broker, --json",
      () => ["contracts", "can-i-deploy", ...DEPLOY_FLAGS, "--json"],
      down,
      2,
      /Failed to check can-i-deploy for conference-app: .*Failed to access pact broker/,
    ],
    [
      "a version the broker does not know",
      () => [
        "contracts",
        "can-i-deploy",
        "--pacticipant",
        "conference-app",
        "--version",
        "1.2.3",
        "--to-environment",
        "test",
      ],
      known,
      2,
      /Failed to check can-i-deploy for conference-app: the broker at http:\/\/127\.0\.0\.1:\d+ does not know that version \(No pacts or verifications have been published for version 1\.2\.3 of conference-app\); publish its pacts or verification results first$/m,
    ],
    [
      "a version the broker does not know, --json",
      () => [
        "contracts",
        "can-i-deploy",
        "--pacticipant",
        "conference-app",
        "--version",
        "1.2.3",
        "--to-environment",
        "test",
        "--json",
      ],
      known,
      2,
      /does not know that version/,
    ],
    [
      "an environment the broker does not know",
      () => ["contracts", "can-i-deploy", ...DEPLOY_FLAGS],
      known,
      2,
      /Failed to check can-i-deploy for conference-app: Environment with name 'production' does not exist \(create it with: twilio-testkit contracts create-environment --name production\)$/m,
    ],
    [
      "no --pacticipant",
      () => ["contracts", "can-i-deploy", "--version", "1", "--to-environment", "production"],
      down,
      2,
      /required option '--pacticipant <name>' not specified/,
    ],
    [
      "no --to-environment",
      () => ["contracts", "can-i-deploy", "--pacticipant", "conference-app", "--version", "1"],
      down,
      2,
      /required option '--to-environment <environment>' not specified/,
    ],
    [
      "an empty --pacticipant",
      () => ["contracts", "can-i-deploy", "--pacticipant", "", "--version", "1", "--to-environment", "production"],
      down,
      2,
      /Failed to check can-i-deploy: --pacticipant needs a value$/m,
    ],
    [
      "a -led --branch",
      () => [
        "contracts",
        "can-i-deploy",
        "--pacticipant",
        "a",
        "--latest",
        "--branch",
        "-main",
        "--to-environment",
        "production",
      ],
      down,
      2,
      /Failed to check can-i-deploy: --branch "-main" must not start with "-"$/m,
    ],
    [
      "--version and --latest",
      () => ["contracts", "can-i-deploy", ...DEPLOY_FLAGS, "--latest"],
      down,
      2,
      /Failed to check can-i-deploy: pass --version or --latest, not both$/m,
    ],
    [
      "an unknown flag",
      () => ["contracts", "can-i-deploy", ...DEPLOY_FLAGS, "--retry-while-unknown", "3"],
      down,
      2,
      /unknown option '--retry-while-unknown'/,
    ],
  ],
  "record-deployment": [
    ["no PACT_BROKER_BASE_URL", () => ["contracts", "record-deployment", ...RECORD_FLAGS], none, 2, SET_BROKER],
    [
      "a PACT_BROKER_BASE_URL that is not a URL",
      () => ["contracts", "record-deployment", ...RECORD_FLAGS],
      () => withBroker("::"),
      2,
      /Failed to record deployment: PACT_BROKER_BASE_URL "::" is not an http or https URL$/m,
    ],
    [
      "an unreachable broker",
      () => ["contracts", "record-deployment", ...RECORD_FLAGS],
      down,
      2,
      /Failed to record deployment of conference-app 1\.2\.3 to production: .*Failed to access pact broker/,
    ],
    [
      "an environment the broker does not know",
      () => ["contracts", "record-deployment", ...RECORD_FLAGS],
      known,
      2,
      /Failed to record deployment of conference-app 1\.2\.3 to production: Environment production does not exist \(create it with: twilio-testkit contracts create-environment --name production\)$/m,
    ],
    [
      "no --environment",
      () => ["contracts", "record-deployment", "--pacticipant", "conference-app", "--version", "1"],
      down,
      2,
      /required option '--environment <environment>' not specified/,
    ],
    [
      "a -led --version",
      () => [
        "contracts",
        "record-deployment",
        "--pacticipant",
        "conference-app",
        "--version",
        "-1",
        "--environment",
        "production",
      ],
      down,
      2,
      /Failed to record deployment: --version "-1" must not start with "-"$/m,
    ],
    [
      "an empty --environment",
      () => [
        "contracts",
        "record-deployment",
        "--pacticipant",
        "conference-app",
        "--version",
        "1",
        "--environment",
        "",
      ],
      down,
      2,
      /Failed to record deployment: --environment needs a value$/m,
    ],
    [
      "an unknown flag",
      () => ["contracts", "record-deployment", ...RECORD_FLAGS, "--application-instance", "blue"],
      down,
      2,
      /unknown option '--application-instance'/,
    ],
  ],
  "create-environment": [
    ["no PACT_BROKER_BASE_URL", () => ["contracts", "create-environment", "--name", "production"], none, 2, SET_BROKER],
    [
      "no --name",
      () => ["contracts", "create-environment", "--production"],
      down,
      2,
      /required option '--name <name>' not specified/,
    ],
    [
      "an empty --name",
      () => ["contracts", "create-environment", "--name", " "],
      down,
      2,
      /Failed to create environment: --name needs a value$/m,
    ],
    [
      "a -led --name",
      () => ["contracts", "create-environment", "--name", "-prod"],
      down,
      2,
      /Failed to create environment: --name "-prod" must not start with "-"$/m,
    ],
    [
      "an unreachable broker",
      () => ["contracts", "create-environment", "--name", "production"],
      down,
      2,
      /Failed to create environment production in http:\/\/127\.0\.0\.1:\d+: .*Failed to access pact broker/,
    ],
    [
      "an unreachable broker whose URL holds a password",
      () => ["contracts", "create-environment", "--name", "production"],
      downWithPassword,
      2,
      /Failed to create environment production in http:\/\/127\.0\.0\.1:\d+: .*Failed to access pact broker/,
    ],
    [
      "an unknown flag",
      () => ["contracts", "create-environment", "--name", "production", "--display-name", "Prod"],
      down,
      2,
      /unknown option '--display-name'/,
    ],
  ],
  contracts: [["an unknown subcommand", () => ["contracts", "deploy"], none, 2, /unknown command 'deploy'/]],
};

/**
 * The result without the Pact Verifier's report, which `contracts verify` prints first whenever the
 * Verifier ran, whatever the outcome ("the Verifier's report above says why"): a standard output that
 * starts as the report does and holds none of the lines the CLI prints itself counts as empty.
 */
function withoutVerifierReport<T extends { stdout: string }>(result: T): T {
  const report =
    /^\n(Verifying a pact between |Failures:\n)/.test(result.stdout) &&
    !/^(Verified |Published |\d+ pending pacts? failed)/m.test(result.stdout);
  return report ? { ...result, stdout: "" } : result;
}

describe.each(Object.entries(ROWS))("twilio-testkit contracts %s, bad input", (_command, rows) => {
  const cases = rows.map(([name, argv, env, code, message, sub]) => ({ name, argv, env, code, message, sub }));
  it.each(cases)(
    "$name: one line, nothing on standard output, the folder untouched",
    async ({ argv, env, code, message, sub }) => {
      const before = snapshot(cwd);
      const result = await run([...argv()], { cwd: sub === undefined ? cwd : join(cwd, sub), env: env() });
      expectCliFailure(withoutVerifierReport(result), code, message);
      expect(result.stderr).not.toContain(TOKEN);
      expect(snapshot(cwd)).toEqual(before);
    },
  );
});

describe("twilio-testkit contracts, no subcommand", () => {
  it("prints the subcommands on standard error (usage, not an error line) and exits 2", async () => {
    const { code, stdout, stderr } = await run(["contracts"], { cwd });
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    expect(stderr).toMatch(/^Usage: twilio-testkit contracts \[options\] \[command\]\n/);
    for (const command of ["check", "verify", "publish", "can-i-deploy", "record-deployment", "create-environment"])
      expect(stderr).toMatch(new RegExp(`^ {2}${command} `, "m"));
    expectNoStackTrace(stderr);
  });
});

describe("malformed matching rules in a pact file", () => {
  it.each([
    ["a null rule", { "$.participants[*].call_sid": null }],
    ["matchers that are not a list", { "$.participants[*].call_sid": { matchers: "type" } }],
    ["a null matcher", { "$.participants[*].call_sid": { matchers: [null] } }],
  ])("%s is ignored by check, not an unexpected error", async (_case, rules) => {
    const dir = mkdtempSync(join(tmpdir(), "ttk-rules-"));
    try {
      const body = { content: { participants: [] }, contentType: "application/json", encoded: false };
      const interaction = {
        type: "Synchronous/HTTP",
        description: "a list",
        request: {
          method: "GET",
          path: `/2010-04-01/Accounts/AC${"0".repeat(32)}/Conferences/CF${"0".repeat(32)}/Participants.json`,
        },
        response: { status: 200, body, matchingRules: { body: rules } },
      };
      writeFileSync(join(dir, "a.json"), pact([interaction]));
      const { code, stdout, stderr } = await run(["contracts", "check", "."], { cwd: dir });
      expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
      expect(stdout).toBe("ok: 1 interactions in 1 pact files (tolerant profile) agree with the schemas\n");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("prototype-named keys in a pact file are keys like any other", () => {
  const ACCOUNT = `AC${"1".repeat(32)}`;
  const LIST = `/2010-04-01/Accounts/${ACCOUNT}/Conferences/CF${"1".repeat(32)}/Participants.json`;
  const KEYS = ["__proto__", "constructor", "toString"];
  const authorization = `Basic ${Buffer.from(`${ACCOUNT}:your_auth_token`).toString("base64")}`;
  /** A V2 pact (its query a string) whose ListParticipant request repeats each key, and a CreateParticipant form that adds them: each answered 400 by the fake. */
  const v2 = JSON.stringify({
    consumer: { name: "bad-input" },
    provider: { name: "twilio-voice-api" },
    metadata: { pactSpecification: { version: "2.0.0" } },
    interactions: [
      {
        description: "a list with prototype-named query keys",
        providerStates: [{ name: "an account has conferences", params: { AccountSid: ACCOUNT } }],
        request: {
          method: "GET",
          path: LIST,
          query: KEYS.map((k) => `${k}=1&${k}=2`).join("&"),
          headers: { Authorization: authorization },
        },
        response: { status: 400 },
      },
      {
        description: "a create with prototype-named form fields",
        providerStates: [{ name: "an account has conferences", params: { AccountSid: ACCOUNT } }],
        request: {
          method: "POST",
          path: LIST,
          headers: { Authorization: authorization, "Content-Type": "application/x-www-form-urlencoded" },
          body: `From=%2B15017122661&To=%2B15558675310&${KEYS.map((k) => `${k}=1&${k}=2`).join("&")}`,
        },
        response: { status: 400 },
      },
    ],
  });
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "ttk-proto-"));
    mkdirSync(join(dir, "contracts"));
    writeFileSync(join(dir, "contracts", "a.json"), v2);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("check reports each as an unknown parameter (exit 1), not an unexpected error", async () => {
    const { code, stdout, stderr } = await run(["contracts", "check"], { cwd: dir });
    expect({ code, stderr }).toEqual({ code: 1, stderr: "" });
    for (const key of KEYS) {
      expect(stdout).toContain(
        `› a list with prototype-named query keys › /request/query/${key}  is not a documented field [additionalProperties]`,
      );
      expect(stdout).toContain(
        `› a create with prototype-named form fields › /request/body/${key}  is not a documented field [additionalProperties]`,
      );
    }
  });

  it("verify replays them to the fake, which refuses them as unknown parameters (400, as the pact expects): exit 0", async () => {
    const { code, stdout, stderr } = await run(["contracts", "verify"], { cwd: dir });
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(stdout).toMatch(/\nVerified 1 pact files from contracts against /);
  });

  it("publish reads the file and goes on to the broker (here down: exit 2, one line)", async () => {
    const before = snapshot(dir);
    expectCliFailure(await run(["contracts", "publish", ...PUBLISH_FLAGS], { cwd: dir, env: down() }), 2, NO_BROKER);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe("control characters in a pact file", () => {
  it("check prints them escaped, each finding on its own line", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ttk-controls-"));
    try {
      const interaction = {
        type: "Synchronous/HTTP",
        description: "a \u001b[31mred\u001b[0m\nforged line \u009b2J \u202e",
        request: { method: "GET", path: "/x\u001b]0;title\u0007" },
        response: { status: 200 },
      };
      writeFileSync(join(dir, "a.json"), pact([interaction]));
      const { code, stdout, stderr } = await run(["contracts", "check", "."], { cwd: dir });
      expect({ code, stderr }).toEqual({ code: 1, stderr: "" });
      expectPrintable(stdout);
      expect(stdout.split("\n")[0]).toBe(
        "a.json › a \\u001b[31mred\\u001b[0m\\nforged line \\u009b2J \\u202e › /request/path  must be one of the catalogued operations: no operation answers GET /x\\u001b]0;title\\u0007 [unknown-operation]",
      );
      expect(stdout.split("\n")).toHaveLength(3);
      const json = await run(["contracts", "check", ".", "--json"], { cwd: dir });
      expectPrintable(json.stdout);
      expect((JSON.parse(json.stdout) as { findings: Array<{ interaction: string }> }).findings[0]?.interaction).toBe(
        interaction.description,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("a response body nested far deeper than its schema", () => {
  it("check reports where it stops matching the schema (exit 1), not a stack overflow", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ttk-deep-"));
    try {
      const depth = 100_000;
      const path = `/2010-04-01/Accounts/AC${"0".repeat(32)}/Conferences/CF${"0".repeat(32)}/Participants.json`;
      const body = `{"participants":${"[".repeat(depth)}${"]".repeat(depth)}}`;
      const interaction = `{"type":"Synchronous/HTTP","description":"deep","request":{"method":"GET","path":"${path}"},"response":{"status":200,"body":{"content":${body},"contentType":"application/json","encoded":false}}}`;
      writeFileSync(join(dir, "a.json"), pact([]).replace('"interactions":[]', `"interactions":[${interaction}]`));
      const { code, stdout, stderr } = await run(["contracts", "check", "."], { cwd: dir });
      expect({ code, stderr }).toEqual({ code: 1, stderr: "" });
      expect(stdout).toMatch(
        /^a\.json › deep › \/response\/body\/participants\/0 {2}must be object .*\[type\]\n1 finding in 1 interactions/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
