// setupContract in real Vitest runs: a consumer's tests in three files, run by child Vitest processes
// with several workers, thread and fork pools, `-t` filters, a failing test, two runs at once, and
// tests and files that go away. The contract must always hold the interactions of the tests that
// passed when they last ran, and nothing else. The consumer imports the kit as a user's project does,
// built (dist/bundle/, from `npm run build`): Node loads it as is, no child Vitest transforms its sources.
import { execFile } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scratchProject } from "../readme/_snippets.js";

const REPO = fileURLToPath(new URL("../../", import.meta.url));
const VITEST = join(REPO, "node_modules/vitest/vitest.mjs");

/**
 * A consumer test file: one FetchConference interaction per test, described after the test. A test
 * named in `failing` passes its interaction, then fails an assertion of its own, unless the run's
 * environment says FIXED=1. A request Pact's mock server misses (its race, pact-reference#535, which
 * failed this file in several full runs) is retried, as contract-writer's children do.
 */
function testFile(tests: readonly string[], failing: readonly string[] = []): string {
  return `import { request } from "node:http";
import { setupContract } from "twilio-testkit/contracts/vitest";
import { addTwilioInteraction, fetchConference } from "twilio-testkit/contracts";
import { conferenceFactory } from "twilio-testkit";

const contract = setupContract({ consumer: "layout-app", dir: "contracts" });
const get = (url, authorization) => new Promise((resolve, reject) =>
  request(url, { headers: { authorization }, agent: false }, (response) => { response.resume(); response.on("end", () => resolve(response.statusCode)); }).on("error", reject).end());

describe("layout-app", () => {
  for (const [i, name] of ${JSON.stringify(tests)}.entries()) {
    it(name, async () => {
      const example = conferenceFactory.seed(i + 1).traits("in-progress").build();
      const interaction = fetchConference({ example, description: "a request for " + name });
      const authorization = "Basic " + Buffer.from(example.account_sid + ":your_auth_token").toString("base64");
      // Pact's mock server can miss the request (its race, pact-reference#535): retried, as contract-writer's children do.
      for (let attempt = 1; ; attempt++) {
        try {
          await addTwilioInteraction(contract.pact(), interaction).executeTest(async (mock) => {
            expect(await get(mock.url + interaction.request.path, authorization)).toBe(200);
          });
          break;
        } catch (error) {
          if (attempt === 3 || !String(error).includes("was expected but not received")) throw error;
        }
      }
      if (${JSON.stringify(failing)}.includes(name) && process.env.FIXED !== "1") expect("its own assertion").toBe("met");
    });
  }
});
`;
}

/** Runs the project's tests in a child Vitest; resolves whatever its exit status (a failing test is part of the plan). */
function vitest(project: string, args: readonly string[], env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [VITEST, "run", "--root", project, "--config", join(project, "vitest.config.mjs"), ...args],
      { cwd: project, env: { ...process.env, ...env } },
      (_error, stdout, stderr) => resolve(`${stdout}${stderr}`),
    );
  });
}

/** The contract's interactions: description → the test that wrote it. */
function contract(project: string): Record<string, string> {
  const pact = JSON.parse(readFileSync(join(project, "contracts/layout-app-twilio-voice-api.json"), "utf8")) as {
    interactions: Array<{ description: string; comments: { testname: string } }>;
  };
  return Object.fromEntries(
    pact.interactions.map((i) => [i.description.replace("a request for ", ""), i.comments.testname]),
  );
}

const written = (file: string, ...tests: string[]): Record<string, string> =>
  Object.fromEntries(tests.map((name) => [name, `${file} > layout-app > ${name}`]));

describe("setupContract in Vitest runs", () => {
  let project: string;
  beforeAll(() => {
    project = scratchProject();
    writeFileSync(
      join(project, "vitest.config.mjs"),
      "export default { test: { globals: true, include: ['*.test.ts'], testTimeout: 120000 } };\n",
    );
    writeFileSync(join(project, "a.test.ts"), testFile(["a1", "a2"]));
    writeFileSync(join(project, "b.test.ts"), testFile(["b1", "b2", "b3"]));
    writeFileSync(join(project, "c.test.ts"), testFile(["c1", "c2"], ["c2"]));
  });
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it("three files on three forks, one test failing: the contract holds exactly the passing tests' interactions", async () => {
    await vitest(project, ["--pool", "forks", "--maxWorkers", "3"]);
    expect(contract(project)).toEqual({
      ...written("a.test.ts", "a1", "a2"),
      ...written("b.test.ts", "b1", "b2", "b3"),
      ...written("c.test.ts", "c1"),
    });
  });

  it("-t on a subset keeps the others; the failing test, once fixed, joins", async () => {
    await vitest(project, ["--pool", "threads", "--maxWorkers", "2", "-t", "a2|b1|c2"], { FIXED: "1" });
    expect(contract(project)).toEqual({
      ...written("a.test.ts", "a1", "a2"),
      ...written("b.test.ts", "b1", "b2", "b3"),
      ...written("c.test.ts", "c1", "c2"),
    });
  });

  it("a test that fails again takes its interaction out; a run of a subset leaves the rest", async () => {
    await vitest(project, ["c.test.ts"]);
    expect(contract(project)).toEqual({
      ...written("a.test.ts", "a1", "a2"),
      ...written("b.test.ts", "b1", "b2", "b3"),
      ...written("c.test.ts", "c1"),
    });
  });

  it("two Vitest runs at once, one per pool, lose nothing", async () => {
    writeFileSync(join(project, "b.test.ts"), testFile(["b1", "b2", "b3", "b4"]));
    const outputs = await Promise.all([
      vitest(project, ["a.test.ts", "c.test.ts", "--pool", "threads", "--maxWorkers", "2"], { FIXED: "1" }),
      vitest(project, ["b.test.ts", "--pool", "forks"]),
    ]);
    // Every test passes in both runs (a test that failed, e.g. timed out on a loaded machine, rightly loses its interaction).
    for (const output of outputs) expect(output).not.toMatch(/\bfailed\b/);
    expect(contract(project)).toEqual({
      ...written("a.test.ts", "a1", "a2"),
      ...written("b.test.ts", "b1", "b2", "b3", "b4"),
      ...written("c.test.ts", "c1", "c2"),
    });
  });

  it("tests and files that are gone take their interactions with them, even under -t", async () => {
    writeFileSync(join(project, "b.test.ts"), testFile(["b1", "b4"]));
    rmSync(join(project, "a.test.ts"));
    await vitest(project, ["-t", "b4"]);
    expect(contract(project)).toEqual({ ...written("b.test.ts", "b1", "b4"), ...written("c.test.ts", "c1", "c2") });
  });
});
