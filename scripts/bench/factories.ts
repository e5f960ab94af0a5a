// Factory throughput: Participants built and serialised per second, the kit against json-schema-faker and plain faker.
import type { FactoryAnswer, FactoryRequest } from "./_factory-child.js";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Row } from "./_kit.js";
import { interleaved } from "./_measure.js";
import { startContestant } from "./_process.js";
import { compileRawAjv } from "./_raw-ajv.js";
import { PARTICIPANT_ID } from "./_schemas.js";

/** Participants per run; json-schema-faker, far slower, makes a quarter as many. */
const COUNT = 20_000;

const fmtRate = (perSecond: number): string => `${Math.round(perSecond).toLocaleString("en-US")}/s`;
const fmtValid = (share: number): string => `${(share * 100).toFixed(share === 1 ? 0 : 1)}% valid`;

/**
 * Builds Participants (strict profile) with each generator, each in a process of its own, and
 * serialises each (`JSON.stringify`), `RUNS` times, interleaved. Every object made in every run is
 * then checked here against the strict schema by a raw Ajv; the kit's rows pass only when all are valid.
 */
export async function benchFactories(): Promise<Row[]> {
  const names = ["kit", "jsf", "faker"] as const;
  const dir = mkdtempSync(join(tmpdir(), "bench-factories-"));
  const processes = Object.fromEntries(
    names.map((name) => [name, startContestant(new URL("./_factory-child.ts", import.meta.url), [name, dir])]),
  );
  const tally = Object.fromEntries(names.map((name) => [name, { valid: 0, made: 0 }]));
  const validate = await compileRawAjv(PARTICIPANT_ID);
  let seed = 0;
  const ask = (name: (typeof names)[number], count: number) => async () => {
    const answer = await processes[name]!.ask<FactoryAnswer>({ seed: ++seed, count } satisfies FactoryRequest);
    const made = readFileSync(answer.file, "utf8").split("\n");
    rmSync(answer.file);
    tally[name]!.valid += made.filter((json) => validate(JSON.parse(json))).length;
    tally[name]!.made += made.length;
    return answer.perSecond;
  };
  try {
    for (const name of names) await ask(name, name === "jsf" ? COUNT / 4 : COUNT)(); // warm-up, not counted
    for (const name of names) tally[name] = { valid: 0, made: 0 };
    const medians = await interleaved({
      kit: ask("kit", COUNT),
      jsf: ask("jsf", COUNT / 4),
      faker: ask("faker", COUNT),
    });
    const validity = (name: (typeof names)[number]) => tally[name]!.valid / tally[name]!.made;
    const row = (baseline: "jsf" | "faker", label: string, target: number): Row => {
      const ratio = medians.kit / medians[baseline];
      return {
        measure: `factories vs ${label}: Participants built + serialised`,
        kit: `${fmtRate(medians.kit)}, ${fmtValid(validity("kit"))}`,
        baseline: `${label} ${fmtRate(medians[baseline])}, ${fmtValid(validity(baseline))}`,
        figure: `${ratio.toFixed(1)}×`,
        target: `≥ ${target}×, all valid`,
        pass: ratio >= target && validity("kit") === 1,
      };
    };
    return [row("jsf", "json-schema-faker", 15), row("faker", "plain faker", 3)];
  } finally {
    for (const name of names) processes[name]!.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
