// Pact: what a consumer test pays per interaction, for contracts of 10, 50 and 200 interactions.
import type { Row } from "./_kit.js";
import { interleaved, median } from "./_measure.js";
import type { PactAnswer, PactRequest } from "./_pact-child.js";
import { startContestant } from "./_process.js";

const SIZES = [10, 50, 200] as const;
const TARGET_MS = 5;
/** "Not growing": the per-interaction cost at 200 interactions within this factor of the cost at 10. */
const GROWTH_LIMIT = 1.25;

/**
 * Runs a consumer with 10, 50 and 200 FetchConference interactions (see _pact-child.ts for what is
 * timed), `RUNS` times each, interleaved, and divides each median by the number of interactions.
 */
export async function benchPact(): Promise<Row[]> {
  const child = startContestant(new URL("./_pact-child.ts", import.meta.url), []);
  try {
    const kitShares: Record<number, number[]> = { 10: [], 50: [], 200: [] };
    let retries = 0;
    const run = (interactions: number) => async () => {
      const answer = await child.ask<PactAnswer>({ interactions } satisfies PactRequest);
      (kitShares[interactions] ??= []).push(answer.kitMs / interactions);
      retries += answer.retries;
      return answer.ms;
    };
    await run(10)(); // warm-up, not counted
    kitShares[10] = [];
    retries = 0;
    const medians = await interleaved({ 10: run(10), 50: run(50), 200: run(200) });
    const perInteraction = SIZES.map((n) => medians[n]! / n);
    const growth = perInteraction[2]! / perInteraction[0]!;
    const rows: Row[] = SIZES.map((n, i) => ({
      measure: `Pact: consumer cost per interaction, ${n} interactions`,
      kit: `${perInteraction[i]!.toFixed(2)} ms`,
      baseline: `of which the kit ${median(kitShares[n]!).toFixed(2)} ms, Pact ${(perInteraction[i]! - median(kitShares[n]!)).toFixed(2)} ms`,
      figure: `${perInteraction[i]!.toFixed(2)} ms`,
      target: `≤ ${TARGET_MS} ms`,
      pass: perInteraction[i]! <= TARGET_MS,
    }));
    rows.push({
      measure: "Pact: per-interaction cost, 200 vs 10 interactions",
      kit: `${perInteraction[2]!.toFixed(2)} vs ${perInteraction[0]!.toFixed(2)} ms`,
      baseline: retries > 0 ? `${retries} interaction(s) run again after Pact's mock-server race` : "",
      figure: `${growth.toFixed(2)}×`,
      target: `≤ ${GROWTH_LIMIT}× (not growing)`,
      pass: growth <= GROWTH_LIMIT,
    });
    return rows;
  } finally {
    child.stop();
  }
}
