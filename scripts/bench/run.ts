/**
 * `npm run bench`: every measurement on the same machine in one run, against the built kit as a
 * consumer imports it (the package's exports: dist/bundle/, which `npm run bench` builds first),
 * printed as one Markdown table of medians with each target and PASS or MISSED; exits 1 when a target is missed (one `MISSED:` line each), else 0. `tsx scripts/bench/run.ts factories validation` runs only those.
 * BENCH_RUNS sets how many runs each median is taken over (default 5).
 */
import { cpus } from "node:os";
import { benchCliStart } from "./cli-start.js";
import { benchColdStart } from "./cold-start.js";
import { benchFactories } from "./factories.js";
import { benchFakeCallbacks } from "./fake-callbacks.js";
import { benchFakeLifecycle } from "./fake-lifecycle.js";
import { benchFakeStore } from "./fake-store.js";
import { benchFactorySeeds } from "./factory-seeds.js";
import { benchFakeTwilio } from "./fake-twilio.js";
import { benchFakeWorld } from "./fake-world.js";
import { benchInProcess } from "./in-process.js";
import type { Row } from "./_kit.js";
import { RUNS } from "./_measure.js";
import { benchPact } from "./pact.js";
import { formatTable } from "./_table.js";
import { benchSignatures } from "./signatures.js";
import { benchValidation } from "./validation.js";
import { benchVerify } from "./verify.js";

const BENCHES: Readonly<Record<string, () => Promise<Row[]>>> = {
  factories: benchFactories,
  "factory-seeds": benchFactorySeeds,
  validation: benchValidation,
  "cold-start": benchColdStart,
  "cli-start": benchCliStart,
  pact: benchPact,
  "fake-twilio": benchFakeTwilio,
  "in-process": benchInProcess,
  "fake-lifecycle": benchFakeLifecycle,
  "fake-callbacks": benchFakeCallbacks,
  "fake-world": benchFakeWorld,
  "fake-store": benchFakeStore,
  verify: benchVerify,
  signatures: benchSignatures,
};

const chosen = process.argv.length > 2 ? process.argv.slice(2) : Object.keys(BENCHES);
const unknown = chosen.filter((name) => !(name in BENCHES));
if (unknown.length > 0)
  throw new Error(
    `Failed to run benchmarks: unknown ${unknown.join(", ")}; known are ${Object.keys(BENCHES).join(", ")}`,
  );

const rows: Row[] = [];
for (const name of chosen) {
  process.stderr.write(`bench: ${name}…\n`);
  rows.push(...(await BENCHES[name]!()));
}
console.log(formatTable(rows));
const missed = rows.filter((r) => !r.pass);
console.log(
  `\nnode ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, medians of ${RUNS} runs; ${missed.length} of ${rows.length} targets missed.`,
);
// A missed target fails the run (exit 1), each named on one line.
for (const row of missed) console.log(`MISSED: ${row.measure}: ${row.figure}, target ${row.target}`);
if (missed.length > 0) process.exitCode = 1;
