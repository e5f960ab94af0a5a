// The fake Twilio with its lifecycle running: CreateParticipant requests per second on a real clock (every participant
// rings and connects by itself, with its events) against a manual clock that stands still (no lifecycle work).
import autocannon from "autocannon";
import type { CreateParticipantTarget } from "./_fake-lifecycle-child.js";
import type { Row } from "./_kit.js";
import { interleaved } from "./_measure.js";
import { startContestant } from "./_process.js";

const CONNECTIONS = 10;
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 5);
const TARGET_RATIO = 0.8;

/** One load run of CreateParticipant against a fresh fake: requests per second (mean over the run); every answer must be 201. */
async function load(target: CreateParticipantTarget, seconds: number): Promise<number> {
  const result = await autocannon({
    url: target.url,
    method: "POST",
    headers: { authorization: target.authorization, "content-type": "application/x-www-form-urlencoded" },
    body: target.body,
    connections: CONNECTIONS,
    duration: seconds,
  });
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0)
    throw new Error(
      `Failed to load the fake Twilio: ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.timeouts} timeouts`,
    );
  return result.requests.average;
}

/**
 * Starts the built fake Twilio in a process of its own, a fresh one (seed 1) per run, and loads
 * CreateParticipant into a seeded conference with autocannon, 10 connections, BENCH_LOAD_SECONDS
 * (default 5) per run, alternating a real clock (the lifecycle runs: three steps and four events per
 * participant within 700 ms) and a manual clock (participants stay `queued`).
 */
export async function benchFakeLifecycle(): Promise<Row[]> {
  const server = startContestant(new URL("./_fake-lifecycle-child.ts", import.meta.url), []);
  const run = async (clock: "real" | "manual", seconds = SECONDS) =>
    load(await server.ask<CreateParticipantTarget>({ clock }), seconds);
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
