// The fake Twilio: ListParticipant requests per second and p99 latency under a loopback load generator (autocannon).
import autocannon from "autocannon";
import type { ListParticipantTarget } from "./_fake-twilio-child.js";
import type { Row } from "./_kit.js";
import { interleaved, median } from "./_measure.js";
import { startContestant } from "./_process.js";

const CONNECTIONS = 10;
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 5);
const TARGET_RPS = 5000;
const TARGET_P99_MS = 20;

/** One load run against 127.0.0.1: requests per second (mean over the run) and p99 latency; every answer must be 200. */
async function load(target: ListParticipantTarget, seconds: number): Promise<{ rps: number; p99: number }> {
  const result = await autocannon({
    url: target.url,
    headers: { authorization: target.authorization },
    connections: CONNECTIONS,
    duration: seconds,
  });
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0)
    throw new Error(
      `Failed to load the fake Twilio: ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.timeouts} timeouts`,
    );
  return { rps: result.requests.average, p99: result.latency.p99 };
}

/**
 * Starts the built fake Twilio (seed 1) in a process of its own and loads ListParticipant (a page
 * of four participants) from this process with autocannon, 10 connections, `RUNS` runs of
 * BENCH_LOAD_SECONDS (default 5) each after a 2-second warm-up.
 */
export async function benchFakeTwilio(): Promise<Row[]> {
  const server = startContestant(new URL("./_fake-twilio-child.ts", import.meta.url), []);
  try {
    const target = await server.ask<ListParticipantTarget>({});
    await load(target, 2); // warm-up, not counted
    const p99s: number[] = [];
    const medians = await interleaved({
      rps: async () => {
        const { rps, p99 } = await load(target, SECONDS);
        p99s.push(p99);
        return rps;
      },
    });
    const p99 = median(p99s);
    // autocannon counts latency in whole milliseconds: 0 is under one.
    const p99Text = p99 < 1 ? "< 1 ms" : `${p99} ms`;
    return [
      {
        measure: `fake Twilio: ListParticipant, ${CONNECTIONS} connections, requests/s`,
        kit: `${Math.round(medians.rps).toLocaleString("en-US")}/s`,
        baseline: "",
        figure: `${Math.round(medians.rps).toLocaleString("en-US")}/s`,
        target: `≥ ${TARGET_RPS.toLocaleString("en-US")}/s`,
        pass: medians.rps >= TARGET_RPS,
      },
      {
        measure: `fake Twilio: ListParticipant, ${CONNECTIONS} connections, p99 latency`,
        kit: p99Text,
        baseline: "",
        figure: p99Text,
        target: `< ${TARGET_P99_MS} ms`,
        pass: p99 < TARGET_P99_MS,
      },
    ];
  } finally {
    server.stop();
  }
}
