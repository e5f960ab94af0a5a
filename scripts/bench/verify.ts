// `contracts verify`: the Verifier's cost per interaction, for one contract of 200 and of 2,000 interactions.
import type { Row } from "./_kit.js";
import { interleaved } from "./_measure.js";
import { startContestant } from "./_process.js";
import type { VerifyAnswer, VerifyRequest } from "./_verify-child.js";

const SIZES = [200, 2000] as const;
/** "Flat": the per-interaction cost at 2,000 interactions within this factor of the cost at 200. */
const GROWTH_LIMIT = 1.5;

/**
 * Verifies one contract of 200 and one of 2,000 interactions (the repository's contracts repeated)
 * against a fresh fake Twilio with `verifyContracts`, as `contracts verify` does, `RUNS` times each,
 * interleaved, and divides each median by the number of interactions.
 */
export async function benchVerify(): Promise<Row[]> {
  const child = startContestant(new URL("./_verify-child.ts", import.meta.url), [], { quiet: true });
  try {
    const run = (interactions: number) => async () =>
      (await child.ask<VerifyAnswer>({ interactions } satisfies VerifyRequest)).ms;
    await run(SIZES[0])(); // warm-up, not counted
    const medians = await interleaved({ 200: run(200), 2000: run(2000) });
    const perInteraction = SIZES.map((n) => medians[n]! / n);
    const growth = perInteraction[1]! / perInteraction[0]!;
    return [
      {
        measure: "contracts verify: cost per interaction, 2,000 vs 200 interactions",
        kit: `${perInteraction[1]!.toFixed(1)} vs ${perInteraction[0]!.toFixed(1)} ms`,
        baseline: SIZES.map((n) => `${n.toLocaleString("en-US")} in ${(medians[n]! / 1000).toFixed(1)} s`).join(", "),
        figure: `${growth.toFixed(2)}×`,
        target: `≤ ${GROWTH_LIMIT}× (flat)`,
        pass: growth <= GROWTH_LIMIT,
      },
    ];
  } finally {
    child.stop();
  }
}
