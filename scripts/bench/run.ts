/**
 * `npm run bench`: every measurement on the same machine in one run, against the built kit as a
 * consumer imports it (the package's exports: dist/bundle/, which `npm run bench` builds first),
 * printed as one Markdown table of medians with each target and PASS or MISS. `tsx scripts/bench/run.ts factories validation` runs only those.
 * BENCH_RUNS sets how many runs each median is taken over (default 5).
 */
import { cpus } from "node:os";
import { benchCliStart } from "./cli-start.js";
import { benchColdStart } from "./cold-start.js";
import { benchFactories } from "./factories.js";
import { benchFakeCallbacks } from "./fake-callbacks.js";
import { benchFakeLifecycle } from "./fake-lifecycle.js";
import { benchFakeTwilio } from "./fake-twilio.js";
import type { Row } from "./_kit.js";
import { RUNS } from "./_measure.js";
import { benchPact } from "./pact.js";
import { formatTable } from "./_table.js";
import { benchSignatures } from "./signatures.js";
import { benchValidation } from "./validation.js";
import { benchVerify } from "./verify.js";

const BENCHES: Readonly<Record<string, () => Promise<Row[]>>> = {
  factories: benchFactories,
  validation: benchValidation,
  "cold-start": benchColdStart,
  "cli-start": benchCliStart,
  pact: benchPact,
  "fake-twilio": benchFakeTwilio,
  "fake-lifecycle": benchFakeLifecycle,
  "fake-callbacks": benchFakeCallbacks,
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
console.log(
  `\nnode ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, medians of ${RUNS} runs; ${rows.filter((r) => !r.pass).length} of ${rows.length} targets missed.`,
);
