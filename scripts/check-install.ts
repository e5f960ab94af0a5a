/**
 * `npm run test:install`: installs the packed kit, with none of its optional peers, into a scratch
 * project as a user would (`npm install <tarball>`, from the npm registry), and checks what that
 * user gets: node_modules within MAX_MB, the main and fake-twilio entry points and the `fake` command
 * working, and each entry point or command that needs a missing peer failing with the one line
 * naming it. Then it adds the newest @pact-foundation/pact 17 (our own tests run 16.5, which Node 20
 * supports; 17 needs Node 22 but runs here) and checks and verifies the repo's contracts with the
 * installed kit, so that both majors the peer range accepts are tested. Too slow for
 * `npm test` (it packs, builds and installs); .ci/run runs it.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** Most node_modules may hold after `npm install twilio-testkit` with no peers (issue 8; 90 MB before). */
const MAX_MB = 25;

const root = fileURLToPath(new URL("..", import.meta.url));
/** The major of @pact-foundation/pact the peer range accepts besides the one our own tests run. */
const OTHER_PACT = "17";
const failures: string[] = [];

/** Records a failed expectation; the script exits 1 after running every check. */
function check(ok: boolean, what: string): void {
  process.stdout.write(`${ok ? "ok  " : "FAIL"}  ${what}\n`);
  if (!ok) failures.push(what);
}

/** Bytes the files under a folder occupy on disk, as `du` counts them, and the number of packages in it. */
function diskUsage(dir: string): { bytes: number; packages: number } {
  let bytes = 0;
  let packages = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    bytes += lstatSync(path).blocks * 512;
    if (entry.name === "package.json" && /node_modules\/(@[^/]+\/)?[^/@]+$/.test(entry.parentPath)) packages++;
  }
  return { bytes, packages };
}

/** Runs `node --input-type=module -e code` in the project: its exit status and what it printed. */
function runModule(project: string, code: string): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, ["--input-type=module", "-e", code], { cwd: project, encoding: "utf8" });
}

/** Runs the installed `twilio-testkit` binary in the project. */
function runCli(
  project: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(join(project, "node_modules/.bin/twilio-testkit"), [...args], {
    cwd: project,
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
}

/** The peer's one line, as src/_optional-peer.ts words it. */
const missing = (name: string, install = name) =>
  `Failed to load ${name}: install it with npm install --save-dev ${install}`;

/**
 * An import that must fail with a missing peer's line, and no ERR_MODULE_NOT_FOUND.
 *
 * @param lines - the line, or the lines of each peer the entry needs (whichever is found missing first)
 */
function checkImportFails(project: string, entry: string, ...lines: string[]): void {
  const run = runModule(project, `import ${JSON.stringify(entry)};`);
  const named = lines.some((line) => run.stderr.includes(line));
  check(
    run.status !== 0 && named && !run.stderr.includes("ERR_MODULE_NOT_FOUND"),
    `import "${entry}" fails with "${lines.join('" or "')}"`,
  );
}

/** A command that must exit 2 with one line on stderr holding `line`. */
function checkCommandFails(project: string, args: readonly string[], line: string, env: NodeJS.ProcessEnv = {}): void {
  const run = runCli(project, args, env);
  const lines = run.stderr.trimEnd().split("\n");
  check(
    run.status === 2 && lines.length === 1 && lines[0]!.includes(line),
    `twilio-testkit ${args.join(" ")} exits 2 with one line: ${line}` +
      (run.status === 2 && lines.length === 1 && lines[0]!.includes(line)
        ? ""
        : ` (exit ${run.status}: ${run.stderr.trim().slice(0, 300)})`),
  );
}

const scratch = mkdtempSync(join(tmpdir(), "check-install-"));
try {
  const [packed] = JSON.parse(
    execFileSync("npm", ["pack", "--json", "--pack-destination", scratch], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    }),
  ) as [{ filename: string }];
  const project = join(scratch, "project");
  mkdirSync(project);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "scratch", private: true, type: "module" }));
  execFileSync("npm", ["install", "--no-audit", "--no-fund", join(scratch, packed.filename)], {
    cwd: project,
    stdio: ["ignore", "ignore", "inherit"],
  });

  const { bytes, packages } = diskUsage(join(project, "node_modules"));
  const mb = bytes / 1024 / 1024;
  check(mb <= MAX_MB, `node_modules holds ${mb.toFixed(1)} MB (${packages} packages), within ${MAX_MB} MB`);
  for (const peer of ["@pact-foundation/pact", "@pact-foundation/pact-core", "@pact-foundation/pact-cli", "vitest"])
    check(!existsSync(join(project, "node_modules", peer)), `${peer} is not installed`);

  const factories = runModule(
    project,
    `import { participantFactory, validateResource } from "twilio-testkit";
if (!validateResource("participant", participantFactory.build()).ok) process.exit(1);`,
  );
  check(
    factories.status === 0,
    `import { participantFactory } from "twilio-testkit" builds a valid participant ${factories.stderr.trim()}`,
  );
  const fake = runModule(
    project,
    `import { startFakeTwilio } from "twilio-testkit/fake-twilio";
const fake = await startFakeTwilio();
await fake.close();`,
  );
  check(
    fake.status === 0,
    `import { startFakeTwilio } from "twilio-testkit/fake-twilio" starts and stops a fake Twilio ${fake.stderr.trim()}`,
  );
  const cli = runCli(project, ["fake", "participant", "--seed", "1"]);
  check(
    cli.status === 0 && (JSON.parse(cli.stdout) as { call_sid?: string }).call_sid?.startsWith("CA") === true,
    "twilio-testkit fake participant prints a participant",
  );

  // Either of Pact's packages may be the first found missing; @pact-foundation/pact brings both.
  checkImportFails(project, "twilio-testkit/contracts", "install it with npm install --save-dev @pact-foundation/pact");
  checkImportFails(project, "twilio-testkit/vitest", missing("vitest"));
  checkImportFails(
    project,
    "twilio-testkit/contracts/vitest",
    "install it with npm install --save-dev @pact-foundation/pact",
    missing("vitest"),
  );
  checkCommandFails(project, ["contracts", "check"], missing("@pact-foundation/pact"));
  // verify loads Pact (callback contracts' matchers) and pact-core (the Verifier): either may be the first found missing.
  checkCommandFails(project, ["contracts", "verify"], "install it with npm install --save-dev @pact-foundation/pact");
  checkCommandFails(
    project,
    ["contracts", "can-i-deploy", "--pacticipant", "app", "--version", "1", "--to-environment", "production"],
    "@pact-foundation/pact-cli",
    {
      PACT_BROKER_BASE_URL: "http://127.0.0.1:9",
    },
  );

  execFileSync("npm", ["install", "--no-audit", "--no-fund", `@pact-foundation/pact@${OTHER_PACT}`], {
    cwd: project,
    stdio: ["ignore", "ignore", "inherit"],
  });
  cpSync(join(root, "contracts"), join(project, "contracts"), { recursive: true });
  const contracts = runModule(
    project,
    `import { contractWriter, fetchConference } from "twilio-testkit/contracts";
if (typeof contractWriter !== "function" || typeof fetchConference !== "function") process.exit(1);`,
  );
  check(
    contracts.status === 0,
    `with @pact-foundation/pact@${OTHER_PACT}: import "twilio-testkit/contracts" works ${contracts.stderr.trim()}`,
  );
  check(
    runCli(project, ["contracts", "check", "--strict"]).status === 0,
    `with @pact-foundation/pact@${OTHER_PACT}: twilio-testkit contracts check --strict passes the repo's contracts`,
  );
  const verify = runCli(project, ["contracts", "verify"]);
  check(
    verify.status === 0 && verify.stderr === "",
    `with @pact-foundation/pact@${OTHER_PACT}: twilio-testkit contracts verify verifies them, nothing on standard error ${verify.stderr.trim()}`,
  );
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

if (failures.length > 0) {
  process.stderr.write(`check-install: ${failures.length} failed\n`);
  process.exit(1);
}
