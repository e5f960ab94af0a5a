// Validation throughput: the kit's validateResource against raw Ajv compiled from the same schema, valid and invalid bodies.
import type { Row } from "./_kit.js";
import { interleaved } from "./_measure.js";
import { startContestant } from "./_process.js";
import type { ValidationAnswer, ValidationRequest } from "./_validation-child.js";

/** Validations per run. */
const COUNT = 100_000;

const fmtRate = (perSecond: number): string => `${Math.round(perSecond).toLocaleString("en-US")}/s`;

/**
 * Validates Participant bodies against the strict profile, the kit and raw Ajv each in a process of
 * its own, `RUNS` times interleaved, for valid bodies and for invalid ones (each breaking one rule).
 * A row passes only when both gave every body the right verdict.
 */
export async function benchValidation(): Promise<Row[]> {
  const entry = new URL("./_validation-child.ts", import.meta.url);
  const kit = startContestant(entry, ["kit"]);
  const ajv = startContestant(entry, ["ajv"]);
  try {
    const rows: Row[] = [];
    for (const input of ["valid", "invalid"] as const) {
      let allRight = true;
      const ask = (contestant: typeof kit) => async () => {
        const answer = await contestant.ask<ValidationAnswer>({ input, count: COUNT } satisfies ValidationRequest);
        allRight &&= answer.rightVerdicts === answer.bodies;
        return answer.perSecond;
      };
      await ask(kit)(); // warm-up, not counted
      await ask(ajv)();
      const medians = await interleaved({ kit: ask(kit), ajv: ask(ajv) });
      const ratio = medians.kit / medians.ajv;
      rows.push({
        measure: `validation, ${input} Participants (strict)`,
        kit: fmtRate(medians.kit),
        baseline: `raw ajv ${fmtRate(medians.ajv)}`,
        figure: `${ratio.toFixed(2)}×`,
        target: "≥ 0.95×",
        pass: ratio >= 0.95 && allRight,
      });
    }
    return rows;
  } finally {
    kit.stop();
    ajv.stop();
  }
}
