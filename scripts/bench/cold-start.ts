// Cold start: a fresh `node` that imports the kit and validates one body, against bare node and against raw Ajv compiling at run time.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { KIT_ENTRY, loadKit, ROOT, type Row } from "./_kit.js";
import { median } from "./_measure.js";

/** Processes per contestant: process start-up varies more than a loop does, so more runs than RUNS. */
const PROCESS_RUNS = Number(process.env.BENCH_PROCESS_RUNS ?? 21);
const TARGET_MS = 25;

/** Milliseconds from spawning `node --input-type=module -e <code>` to its exit. */
function runNode(code: string): number {
  const start = performance.now();
  const child = spawnSync(process.execPath, ["--input-type=module", "-e", code], { cwd: ROOT, encoding: "utf8" });
  const ms = performance.now() - start;
  if (child.status !== 0) throw new Error(`Failed to run a cold-start process: ${child.stderr}`);
  return ms;
}

/** The three programs, each validating the same Participant body (tolerant profile, the default). */
async function programs(): Promise<Record<"bare" | "kit" | "ajv", string>> {
  const { participantFactory } = await loadKit();
  const body = JSON.stringify(participantFactory.seed(1).build());
  const schemas = pathToFileURL(join(ROOT, "schemas/")).href;
  return {
    bare: "",
    kit: `import { validateResource } from ${JSON.stringify(KIT_ENTRY)};
if (!validateResource("participant", ${body}).ok) process.exit(1);`,
    ajv: `import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
const read = (file) => JSON.parse(readFileSync(new URL(file, ${JSON.stringify(schemas)}), "utf8"));
const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true });
addFormats.default(ajv);
ajv.addFormat("date-time-rfc-2822", /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} \\d{2}:\\d{2}:\\d{2} [+-]\\d{4}$/);
ajv.addSchema(read("common.json"));
if (!ajv.compile(read("participant.json"))(${body})) process.exit(1);`,
  };
}

/**
 * Runs each program `PROCESS_RUNS` times, interleaved, and compares the medians: the kit's cost is
 * its median minus bare node's (process start-up is not the kit's).
 */
export async function benchColdStart(): Promise<Row[]> {
  const code = await programs();
  const samples = { bare: [] as number[], kit: [] as number[], ajv: [] as number[] };
  for (const name of ["bare", "kit", "ajv"] as const) runNode(code[name]); // warm the file cache, not counted
  for (let run = 0; run < PROCESS_RUNS; run++)
    for (const name of ["bare", "kit", "ajv"] as const) samples[name].push(runNode(code[name]));
  const [bare, kit, ajv] = [median(samples.bare), median(samples.kit), median(samples.ajv)];
  return [
    {
      measure: "cold start: node, import the kit, validate one body",
      kit: `${kit.toFixed(1)} ms`,
      baseline: `bare node ${bare.toFixed(1)} ms; ajv compiling at run time ${ajv.toFixed(1)} ms (+${(ajv - bare).toFixed(1)} ms)`,
      figure: `+${(kit - bare).toFixed(1)} ms`,
      target: `≤ +${TARGET_MS} ms`,
      pass: kit - bare <= TARGET_MS,
    },
  ];
}
