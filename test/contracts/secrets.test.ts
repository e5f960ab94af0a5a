// No secret, in any form, in what the broker commands print or throw: a table of credentials (bearer
// token, basic auth variables, credentials inside PACT_BROKER_BASE_URL) × commands (publish, verify
// --publish-verification-results, can-i-deploy, record-deployment) × broker failures (down, 401, 409,
// 500 echoing the Authorization header, a redirect whose Location carries the credentials). Each row
// runs the CLI and the library function (so that the thrown error, its cause chain and its JSON are
// seen). verify's CLI runs as the built binary in a child process, where the Pact Verifier's report
// reaches standard output as a user sees it; the other commands print only through the CLI's io (the
// Pact CLI's output is collected), so they run in-process. verify's rows, the costly ones, are five
// under `npm test` (each failure, each credential) and all fifteen under `npm run test:deep`.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../_io.js";
import { canIDeploy } from "../../src/contracts/can-i-deploy.js";
import { publishContracts } from "../../src/contracts/publish.js";
import { recordDeployment } from "../../src/contracts/record-deployment.js";
import { createEnvironment } from "../../src/contracts/create-environment.js";
import { verifyContracts } from "../../src/contracts/verify.js";
import { type BrokerFailure, closedPort, type PactDocument, type RecordedRequest, startFakeBroker } from "./_broker.js";

const REPO = fileURLToPath(new URL("../..", import.meta.url));
/** The shipped binary, as package.json `bin` names it (built by `npm run build`). */
const BIN = join(
  REPO,
  (JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { bin: Record<string, string> }).bin[
    "twilio-testkit"
  ] ?? "",
);
const PACT = JSON.parse(
  readFileSync(join(REPO, "contracts", "conference-app-twilio-voice-api.json"), "utf8"),
) as PactDocument;

const USER = "ci-user";
const TOKEN = "tok-5ecr3t-bearer-0a1b2c";
const PASSWORD = "pw-5ecr3t-basic-3d4e5f";
/** Needs percent-encoding inside a URL: the URL holds `p%40ss…`, the broker gets `p@ss…`. */
const URL_PASSWORD = "p@ss:w0rd/5ecr3t-url-6a7b";

type Env = Record<string, string>;
const base64 = (text: string) => Buffer.from(text).toString("base64");

/** Each secret in every form a leak could take: as is, percent-encoded, base64, and as the Basic credential. */
function forms(secret: string, user?: string): string[] {
  return [
    secret,
    encodeURIComponent(secret),
    base64(secret),
    ...(user === undefined ? [] : [base64(`${user}:${secret}`)]),
  ];
}

interface Credentials {
  readonly env: (url: string) => Env;
  /** The Authorization header the broker must receive */
  readonly authorization: string;
  readonly secrets: readonly string[];
}

const CREDENTIALS: Record<string, Credentials> = {
  "a bearer token": {
    env: (url) => ({ PACT_BROKER_BASE_URL: url, PACT_BROKER_TOKEN: TOKEN }),
    authorization: `Bearer ${TOKEN}`,
    secrets: forms(TOKEN),
  },
  "basic auth variables": {
    env: (url) => ({ PACT_BROKER_BASE_URL: url, PACT_BROKER_USERNAME: USER, PACT_BROKER_PASSWORD: PASSWORD }),
    authorization: `Basic ${base64(`${USER}:${PASSWORD}`)}`,
    secrets: forms(PASSWORD, USER),
  },
  "credentials in the URL": {
    env: (url) => ({ PACT_BROKER_BASE_URL: url.replace("://", `://${USER}:${encodeURIComponent(URL_PASSWORD)}@`) }),
    authorization: `Basic ${base64(`${USER}:${URL_PASSWORD}`)}`,
    secrets: forms(URL_PASSWORD, USER),
  },
};

/** The Authorization header a request carried, for the failures that echo it. */
const authorization = (request: RecordedRequest) => request.headers.authorization ?? "";

/** A redirect to nowhere whose Location carries the request's credentials (userinfo for Basic, a query for Bearer). */
function leakyLocation(request: RecordedRequest, nowhere: number): Record<string, string> {
  const [scheme = "", value = ""] = authorization(request).split(" ");
  if (scheme !== "Basic")
    return { location: `http://127.0.0.1:${nowhere}/moved?access_token=${encodeURIComponent(value)}` };
  const [user = "", ...password] = Buffer.from(value, "base64").toString("utf8").split(":");
  return { location: `http://${user}:${encodeURIComponent(password.join(":"))}@127.0.0.1:${nowhere}/moved` };
}

/** Where each command writes, for the 409 (the broker refuses a write). */
const WRITES: Record<string, RegExp> = {
  publish: /^\/contracts\/publish$/,
  verify: /\/verification-results$/,
  "can-i-deploy": /^\/matrix$/,
  "record-deployment": /\/deployed-versions\//,
  "create-environment": /^\/environments$/,
};

type Failure = "down" | "401" | "409" | "500" | "redirect";
const FAILURES: readonly Failure[] = ["down", "401", "409", "500", "redirect"];

function brokerFailure(failure: Exclude<Failure, "down">, command: string, nowhere: number): BrokerFailure {
  const echo = (error: string) => (request: RecordedRequest) => ({
    error,
    request: { headers: { Authorization: authorization(request) } },
  });
  switch (failure) {
    case "401":
      return { path: /.*/, status: 401, body: echo("Unauthorized") };
    case "409":
      return {
        path: WRITES[command] ?? /.*/,
        status: 409,
        body: (request: RecordedRequest) => ({ errors: { base: [`conflict for ${authorization(request)}`] } }),
      };
    case "500":
      return { path: /.*/, status: 500, body: echo("Internal Server Error") };
    case "redirect":
      return { path: /.*/, status: 302, body: {}, headers: (request) => leakyLocation(request, nowhere) };
  }
}

let cwd: string;
let nowhere: number;

beforeAll(async () => {
  nowhere = await closedPort();
  cwd = mkdtempSync(join(tmpdir(), "ttk-secrets-"));
  mkdirSync(join(cwd, "contracts"));
  writeFileSync(join(cwd, "contracts", "conference-app-twilio-voice-api.json"), JSON.stringify(PACT));
});

afterAll(() => rmSync(cwd, { recursive: true, force: true }));

interface Command {
  readonly argv: readonly string[];
  /** The same call in-process: resolves to what it returns, rejects with what it throws */
  /** The API call; `report` receives what it would print (the Verifier's report, for verify) */
  readonly call: (env: Env, report: (text: string) => void) => Promise<unknown>;
}

const COMMANDS: Record<string, Command> = {
  publish: {
    argv: ["contracts", "publish", "--consumer-app-version", "1.2.3", "--branch", "main"],
    call: (env) => publishContracts({ cwd, consumerAppVersion: "1.2.3", branch: "main" }, env),
  },
  verify: {
    argv: [
      "contracts",
      "verify",
      "--publish-verification-results",
      "--provider-app-version",
      "4.5.6",
      "--branch",
      "main",
    ],
    call: (env, report) =>
      verifyContracts({ cwd, publish: { providerVersion: "4.5.6", branch: "main" }, onReport: report }, env),
  },
  "can-i-deploy": {
    argv: [
      "contracts",
      "can-i-deploy",
      "--pacticipant",
      "conference-app",
      "--version",
      "1.2.3",
      "--to-environment",
      "production",
    ],
    call: (env) =>
      canIDeploy({ pacticipant: "conference-app", version: "1.2.3", toEnvironment: "production", cwd }, env),
  },
  "create-environment": {
    argv: ["contracts", "create-environment", "--name", "staging"],
    call: (env) => createEnvironment({ name: "staging", cwd }, env),
  },
  "record-deployment": {
    argv: [
      "contracts",
      "record-deployment",
      "--pacticipant",
      "conference-app",
      "--version",
      "1.2.3",
      "--environment",
      "production",
    ],
    call: (env) =>
      recordDeployment({ pacticipant: "conference-app", version: "1.2.3", environment: "production", cwd }, env),
  },
};

/** Runs the built CLI; resolves with its exit code and everything it printed. */
function cli(argv: readonly string[], env: Env): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = execFile(
      process.execPath,
      [BIN, ...argv],
      { cwd, env: { PATH: process.env.PATH ?? "", ...env } },
      (error, stdout, stderr) =>
        done({ code: error ? (typeof error.code === "number" ? error.code : -1) : 0, stdout, stderr }),
    );
    child.stdin?.end();
  });
}

/** Every text a thrown value shows: message, stack, `String()`, JSON and the same for each cause. */
function everyText(thrown: unknown): string[] {
  const texts: string[] = [];
  for (
    let error = thrown, depth = 0;
    error !== undefined && error !== null && depth < 10;
    error = (error as { cause?: unknown }).cause, depth++
  ) {
    texts.push(String(error), JSON.stringify(error) ?? "");
    if (error instanceof Error) texts.push(error.message, error.stack ?? "", JSON.stringify(Object.entries(error)));
  }
  return texts;
}

/** In-process verify runs one at a time: the Pact Verifier's native log is per process. */
let verifying = Promise.resolve();
function oneAtATime<T>(command: string, run: () => Promise<T>): Promise<T> {
  if (command !== "verify") return run();
  const result = verifying.then(run);
  verifying = result.then(
    () => undefined,
    () => undefined,
  );
  return result;
}

/**
 * verify's rows under `npm test`: each broker failure once, each credential at least once (those in the
 * URL where the Verifier's error would quote the URL). They are the costly rows (two Pact Verifier runs
 * each); `SECRETS_TABLE=full` (`npm run test:deep`) runs all fifteen.
 */
const VERIFY_ROWS = new Set([
  "credentials in the URL × down",
  "a bearer token × 401",
  "credentials in the URL × 409",
  "basic auth variables × 500",
  "basic auth variables × redirect",
]);

/** Every combination (verify's as above); verify's rows spread among the others, since rows run several at a time. */
const ROWS = Object.keys(CREDENTIALS).flatMap((credentials) =>
  FAILURES.flatMap((failure) =>
    Object.keys(COMMANDS)
      .filter(
        (command) =>
          command !== "verify" ||
          process.env.SECRETS_TABLE === "full" ||
          VERIFY_ROWS.has(`${credentials} × ${failure}`),
      )
      .map((command) => ({ credentials, command, failure })),
  ),
);

describe.concurrent("no secret in any output or error of the broker commands", () => {
  it.each(ROWS)("$credentials × $command × $failure", async ({ credentials, command, failure }) => {
    const { env: envFor, authorization: sent, secrets } = CREDENTIALS[credentials] as Credentials;
    const { argv, call } = COMMANDS[command] as Command;
    const broker =
      failure === "down"
        ? undefined
        : await startFakeBroker({ pacts: [PACT], failure: brokerFailure(failure, command, nowhere) });
    try {
      // No retries: the Pact CLI would back off for about a minute on a broker that is down or answers 500.
      const env = { ...envFor(broker?.url ?? `http://127.0.0.1:${nowhere}`), PACT_BROKER_HTTP_RETRIES: "0" };
      const reported: string[] = [];
      const [printed, outcome] = await Promise.all([
        command === "verify" ? cli(argv, env) : run(argv, { env, cwd }),
        oneAtATime(command, () =>
          call(env, (text) => reported.push(text)).then(
            (value) => ({ value }),
            (error: unknown) => ({ error }),
          ),
        ),
      ]);

      // The row exercised what it names: the broker got the credentials, and the command failed in one line.
      if (broker) expect(broker.requests.map(authorization)).toContain(sent);
      expect(printed.code, printed.stderr).toBe(2);
      expect(printed.stderr).toMatch(/^twilio-testkit: Failed to [^\n]+\n$/);
      expect("error" in outcome).toBe(true);

      const texts = [
        printed.stdout,
        printed.stderr,
        ...reported,
        ...("error" in outcome ? everyText(outcome.error) : [JSON.stringify(outcome.value)]),
      ];
      for (const text of texts) for (const secret of secrets) expect(text, `leaks ${secret}`).not.toContain(secret);
    } finally {
      await broker?.close();
    }
  });
});
