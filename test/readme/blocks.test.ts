// Every code block of the README is run by a test: this table says how, block by block. A block
// the table does not name fails the first test, so a new README block must say here how it runs
// (or why it cannot). Shell blocks run as written with bash in a scratch project whose `npx
// twilio-testkit` is the built CLI; TypeScript blocks are type-checked (tsc, strict) and run (tsx).
import { execFile } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeBroker } from "../contracts/_broker.js";
import { type ReadmeBlock, REPO, readmeBlocks, readmeCodeBlocks, scratchProject } from "./_snippets.js";

/** How a block runs. */
type Run =
  /**
   * bash in the scratch project (with the repository's contracts/), every command exiting 0; a `serve`
   * line runs in the background until the block ends. `serve`: a `serve` command its section started
   * earlier, run the same way before the block; `prints`: what the block's output must match.
   */
  | { readonly shell: true; readonly broker?: true; readonly serve?: string; readonly prints?: RegExp }
  /** type-checked with the README's tsconfig beside the Vitest-matchers files, then run with tsx */
  | { readonly ts: true }
  /** one of the files of the Vitest-matchers project (config, tsconfig, test), type-checked and run together */
  | { readonly vitestProject: true }
  /** run by another test file, which reads the block from the README (a TypeScript block is also type-checked here) */
  | { readonly coveredBy: string; readonly marker: string }
  /** not run, for this reason */
  | { readonly notRun: string };

/** A block, by its heading and the start of its first line, and how it runs. */
interface Entry {
  readonly heading: string;
  readonly starts: string;
  readonly run: Run;
}

const TABLE: readonly Entry[] = [
  {
    heading: "## Install",
    starts: "npm install --save-dev twilio-testkit",
    run: { notRun: "installs from the npm registry; npm run test:install installs the packed kit the same way" },
  },
  {
    heading: "## Install",
    starts: "npm install --save-dev vitest @pact-foundation/pact",
    run: { notRun: "installs from the npm registry; the scratch projects here link the repository's own copies" },
  },
  { heading: "### Fake resources", starts: "npx twilio-testkit fake participant --seed 1", run: { shell: true } },
  { heading: "### Fake resources", starts: "import { conferenceFactory", run: { ts: true } },
  {
    heading: "### Fake resources",
    starts: "Failed to build participant: 1 issue:",
    run: { notRun: "output of a failing build, not a command (test/factories checks that message)" },
  },
  {
    heading: "#### Sequences, parameters, hooks, deep merge, your own resources",
    starts: 'import assert from "node:assert/strict";',
    run: {
      coveredBy: "test/readme/factories.test.ts",
      marker: "#### Sequences, parameters, hooks, deep merge, your own resources",
    },
  },
  { heading: "#### Invalid fixtures", starts: "npx twilio-testkit fake participant --invalid", run: { shell: true } },
  { heading: "#### Invalid fixtures", starts: "import { participantFactory, validateResource", run: { ts: true } },
  { heading: "### Validate responses", starts: "npx twilio-testkit fake participant-page", run: { shell: true } },
  { heading: "### Validate responses", starts: "import { assertResource", run: { ts: true } },
  { heading: "### Vitest matchers", starts: "// vitest.config.ts", run: { vitestProject: true } },
  { heading: "### Vitest matchers", starts: "{", run: { vitestProject: true } },
  { heading: "### Vitest matchers", starts: "// test/twilio.test.ts", run: { vitestProject: true } },
  {
    heading: "### SDK instances",
    starts: "// test/sdk-shapes.test.ts",
    run: { coveredBy: "test/readme/vitest-snippets.test.ts", marker: "### SDK instances" },
  },
  {
    heading: "### Checking what your code sends",
    starts: "// test/requests.test.ts",
    run: { coveredBy: "test/readme/vitest-snippets.test.ts", marker: "### Checking what your code sends" },
  },
  { heading: "### Fake Twilio", starts: "npx twilio-testkit serve --port 4010", run: { shell: true } },
  { heading: "### Fake Twilio", starts: 'import twilio from "twilio";', run: { ts: true } },
  {
    heading: "#### In-process client (no server)",
    starts: 'import { createFakeTwilio } from "twilio-testkit/fake-twilio";',
    run: { coveredBy: "test/readme/fake-twilio-transports.test.ts", marker: "#### In-process client (no server)" },
  },
  {
    heading: "#### MSW",
    starts: 'import { setupServer } from "msw/node";',
    run: { coveredBy: "test/readme/fake-twilio-transports.test.ts", marker: "#### MSW" },
  },
  {
    heading: "#### Faults on demand",
    starts: 'import { createFakeTwilio } from "twilio-testkit/fake-twilio";',
    run: { coveredBy: "test/readme/fake-twilio-transports.test.ts", marker: "#### Faults on demand" },
  },
  {
    heading: "#### Faults on demand",
    starts: "curl -s -X POST localhost:4010/_fake/faults",
    run: { shell: true, serve: "npx twilio-testkit serve --port 4010 --seed 1", prints: /^\{"faults":1\}$/ },
  },
  {
    heading: "#### The fake's lifecycle",
    starts: 'import twilio from "twilio";',
    run: { coveredBy: "test/readme/fake-lifecycle.test.ts", marker: "#### The fake's lifecycle" },
  },
  {
    heading: "#### Status callbacks from the fake",
    starts: 'import { createServer } from "node:http";',
    run: { coveredBy: "test/readme/fake-callbacks.test.ts", marker: "#### Status callbacks from the fake" },
  },
  { heading: "### Contracts", starts: "npx twilio-testkit contracts check --strict", run: { shell: true } },
  {
    heading: "## Testing your webhook handlers",
    starts: "// test/webhooks.test.ts",
    run: { coveredBy: "test/readme/vitest-snippets.test.ts", marker: "## Testing your webhook handlers" },
  },
  {
    heading: "### Signing and checking X-Twilio-Signature",
    starts: "// test/status-callback.test.ts",
    run: { coveredBy: "test/readme/vitest-snippets.test.ts", marker: "### Signing and checking X-Twilio-Signature" },
  },
  {
    heading: "### Faking a callback from the command line",
    starts: "npx twilio-testkit fake conference-event",
    run: { shell: true },
  },
  {
    heading: "### Faking a callback from the command line",
    starts: "POST https://hooks.example.com/conference",
    run: {
      notRun:
        "output of the first command; test/readme/callback-cli-and-contracts.test.ts compares it with the command's",
    },
  },
  {
    heading: "### Callback contracts",
    starts: "// test/receiver.contract.test.ts",
    run: { coveredBy: "test/readme/callback-cli-and-contracts.test.ts", marker: "### Callback contracts" },
  },
  {
    heading: "### Callback contracts",
    starts: "npx vitest run test/receiver.contract.test.ts",
    run: { coveredBy: "test/readme/callback-cli-and-contracts.test.ts", marker: "### Callback contracts" },
  },
  { heading: "## The contract loop", starts: "  consumer test", run: { notRun: "a diagram" } },
  {
    heading: "### Consumer side",
    starts: "// test/my-service.contract.test.ts",
    run: { coveredBy: "test/readme/vitest-snippets.test.ts", marker: "### Consumer side" },
  },
  { heading: "### Consumer side", starts: "npx twilio-testkit contracts check --strict", run: { shell: true } },
  { heading: "### Consumer side", starts: "export PACT_BROKER_BASE_URL=", run: { shell: true, broker: true } },
  { heading: "### Provider side", starts: "npx twilio-testkit contracts verify ", run: { shell: true } },
  {
    heading: "### Provider side",
    starts: "npx twilio-testkit contracts create-environment",
    run: { coveredBy: "test/contracts/readme-ci.test.ts", marker: "In CI, against the broker" },
  },
  {
    heading: "## Contributing: set up and test a clone",
    starts: "npm ci",
    run: { notRun: "the repository's own steps: .ci/run runs them (test:contracts is part of npm test)" },
  },
  {
    heading: "## Performance",
    starts: "npm run bench",
    run: { notRun: "about eight minutes of measurements, run by hand" },
  },
];

const BLOCKS = readmeCodeBlocks();
const entryOf = (block: ReadmeBlock): Entry | undefined =>
  TABLE.find((e) => e.heading === block.heading && block.code.startsWith(e.starts));
const blocksWith = (test: (run: Run) => boolean): ReadmeBlock[] =>
  BLOCKS.filter((block) => {
    const entry = entryOf(block);
    return entry !== undefined && test(entry.run);
  });
const where = (block: ReadmeBlock): string => `README block at line ${block.line} (heading ${block.heading})`;

/** Runs a program in a folder; resolves with its exit code and output, whatever the code. */
function exec(
  file: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ code: number; output: string }> {
  return new Promise((resolve) =>
    execFile(file, args, { cwd, env: { ...env, NO_COLOR: "1" }, timeout: 150_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, output: `${stdout}${stderr}` }),
    ),
  );
}

/**
 * A shell block as a bash script: stop at the first failing command (pipes included); a `serve`
 * line runs in the background, the script waiting for its URL, and is stopped with SIGINT (Ctrl-C)
 * at the end, where it must exit 0.
 */
function shellScript(code: string): string {
  const lines = code
    .split("\n")
    .map((line) =>
      /^npx twilio-testkit serve /.test(line)
        ? `${line.replace(/#.*/, "")} > serve.log 2>&1 & SERVE=$!\nfor i in $(seq 200); do grep -q "http://" serve.log && break; sleep 0.1; done`
        : line,
    );
  const stop = code.includes("twilio-testkit serve ") ? '\nkill -INT "$SERVE"\nwait "$SERVE"\n' : "";
  return `set -eo pipefail\n${lines.join("\n")}${stop}`;
}

let project: string;
beforeAll(() => {
  project = scratchProject();
  cpSync(join(REPO, "contracts"), join(project, "contracts"), { recursive: true });
  // `npx twilio-testkit` as in a project that installed the kit: npx finds the package's bin.
  mkdirSync(join(project, "bin"));
  writeFileSync(join(project, "bin/npx"), '#!/bin/sh\nexec "$@"\n');
  chmodSync(join(project, "bin/npx"), 0o755);
  symlinkSync(join(REPO, "dist/bundle/cli.js"), join(project, "bin/twilio-testkit"));
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe("README code blocks", () => {
  it("each is named in this table, and each entry names a block", () => {
    const unlisted = BLOCKS.filter((block) => entryOf(block) === undefined).map(
      (block) => `${where(block)} is not run by any test: add it to test/readme/blocks.test.ts`,
    );
    const stale = TABLE.filter((e) => !BLOCKS.some((b) => b.heading === e.heading && b.code.startsWith(e.starts))).map(
      (e) => `test/readme/blocks.test.ts names a block that the README no longer has: ${e.heading}, "${e.starts}"`,
    );
    expect([...unlisted, ...stale]).toEqual([]);
  });

  it("the blocks run by other tests are read there from the README", () => {
    for (const block of blocksWith((run) => "coveredBy" in run)) {
      const run = entryOf(block)?.run as { coveredBy: string; marker: string };
      const text = readFileSync(join(REPO, run.coveredBy), "utf8");
      expect(text, where(block)).toContain(run.marker);
      expect(readFileSync(join(REPO, "README.md"), "utf8"), where(block)).toContain(run.marker);
      // A heading marker: that file reads the section's blocks, and this block is one of them.
      if (run.marker.startsWith("#")) {
        expect(text, where(block)).toContain(`readmeBlocks(${JSON.stringify(run.marker)}`);
        expect(readmeBlocks(run.marker, block.language), where(block)).toContain(block.code);
      }
    }
  });

  // Sequential: two of them start `serve` on port 4010.
  for (const block of blocksWith((run) => "shell" in run)) {
    it(`${where(block)} runs in a scratch project, every command exiting 0`, async () => {
      const run = entryOf(block)?.run as { broker?: true; serve?: string; prints?: RegExp } | undefined;
      const broker = run?.broker ? await startFakeBroker() : undefined;
      try {
        let script = shellScript(run?.serve ? `${run.serve}\n${block.code}` : block.code);
        // The broker block's placeholders, pointed at the test suite's fake broker.
        if (broker)
          script = script
            .replace("https://broker.example.com", broker.url)
            .replace("PACT_BROKER_TOKEN=…", "PACT_BROKER_TOKEN=tok");
        const env = {
          ...process.env,
          PATH: `${join(project, "bin")}:${process.env.PATH}`,
          PACT_BROKER_HTTP_RETRIES: "0",
        };
        const { code, output } = await exec("bash", ["-c", script], project, env);
        expect({ code, output }, where(block)).toMatchObject({ code: 0 });
        if (run?.prints) expect(output.trim(), where(block)).toMatch(run.prints);
        if (broker) expect(broker.requests.length, where(block)).toBeGreaterThan(0);
      } finally {
        await broker?.close();
      }
    });
  }

  it("the TypeScript blocks type-check with the README's tsconfig, each snippet runs, and the Vitest matchers test passes", async () => {
    const snippets = blocksWith((run) => "ts" in run);
    // The TypeScript blocks other tests run (without a type check): type-checked here with the rest.
    const covered = blocksWith((run) => "coveredBy" in run).filter((block) => block.language === "ts");
    const matcherFiles = blocksWith((run) => "vitestProject" in run);
    expect(snippets.length).toBeGreaterThan(0);
    expect(matcherFiles.map((b) => b.language)).toEqual(["ts", "json", "ts"]);
    const tsProject = scratchProject();
    try {
      // The Vitest matchers project as the README lays it out: vitest.config.ts, tsconfig.json, test file.
      for (const block of matcherFiles) {
        const file = block.language === "json" ? "tsconfig.json" : /^\/\/ (\S+)/.exec(block.code)?.[1];
        expect(file, where(block)).toBeDefined();
        mkdirSync(join(tsProject, file!, ".."), { recursive: true });
        writeFileSync(join(tsProject, file!), block.code);
      }
      // The other snippets beside them, checked by the same tsconfig (strict) in one tsc run.
      const files = snippets.map((block) => {
        const file = `snippet-${block.line}.ts`;
        writeFileSync(join(tsProject, file), block.code);
        return file;
      });
      for (const block of covered) writeFileSync(join(tsProject, `covered-${block.line}.ts`), block.code);
      const tsc = await exec(
        process.execPath,
        [join(REPO, "node_modules/typescript/bin/tsc"), "-p", ".", "--noEmit"],
        tsProject,
      );
      expect(tsc, "tsc on the README's TypeScript blocks").toEqual({ code: 0, output: "" });
      // One tsx process runs every snippet in turn (a module each), naming the one that fails.
      writeFileSync(
        join(tsProject, "run-snippets.ts"),
        `for (const file of ${JSON.stringify(files)}) {\n  try { await import(\`./\${file}\`); }\n  catch (error) { console.error(\`FAILED \${file}\`, error); process.exit(1); }\n}\n`,
      );
      const ran = await exec(
        process.execPath,
        [join(REPO, "node_modules/tsx/dist/cli.mjs"), "run-snippets.ts"],
        tsProject,
      );
      expect(ran, snippets.map(where).join(", ")).toMatchObject({ code: 0 });
      const vitest = await exec(process.execPath, [join(REPO, "node_modules/vitest/vitest.mjs"), "run"], tsProject);
      expect(vitest.output).toMatch(/Tests\s+\S*1 passed/);
      expect(vitest.code).toBe(0);
    } finally {
      rmSync(tsProject, { recursive: true, force: true });
    }
  }, 300_000);
});
