// The fake Twilio with its lifecycle running: CreateParticipant requests per second on a real clock (every participant
// rings and connects by itself, with its events) against a manual clock that stands still (no lifecycle work).
import { CONNECTIONS, type CreateParticipantTarget, loadCreateParticipant } from "./_create-participant-load.js";
import type { Row } from "./_kit.js";
import { interleaved } from "./_measure.js";
import { startContestant } from "./_process.js";

const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 5);
const TARGET_RATIO = 0.8;

/**
 * Starts the built fake Twilio in a process of its own, a fresh one (seed 1) per run, and loads
 * CreateParticipant into a seeded conference with autocannon, 10 connections, BENCH_LOAD_SECONDS
 * (default 5) per run, alternating a real clock (the lifecycle runs: three steps and four events per
 * participant within 700 ms) and a manual clock (participants stay `queued`).
 */
export async function benchFakeLifecycle(): Promise<Row[]> {
  const server = startContestant(new URL("./_fake-lifecycle-child.ts", import.meta.url), []);
  const run = async (clock: "real" | "manual", seconds = SECONDS) =>
    loadCreateParticipant(await server.ask<CreateParticipantTarget>({ clock }), seconds);
  try {
    await run("real", 2); // warm-up, not counted
    const medians = await interleaved({ real: () => run("real"), manual: () => run("manual") });
    const ratio = medians.real / medians.manual;
    const format = (rps: number) => `${Math.round(rps).toLocaleString("en-US")}/s`;
    return [
      {
        measure: `fake Twilio: CreateParticipant with the lifecycle running (real clock), ${CONNECTIONS} connections`,
        kit: format(medians.real),
        baseline: `manual clock, no lifecycle work ${format(medians.manual)}`,
        figure: `${ratio.toFixed(2)}×`,
        target: `≥ ${TARGET_RATIO}×`,
        pass: ratio >= TARGET_RATIO,
      },
    ];
  } finally {
    server.stop();
  }
}
