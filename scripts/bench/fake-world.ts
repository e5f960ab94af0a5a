// The fake Twilio's bounded work: a ListParticipant page costs the same at 1,000 and at 100,000
// participants, and CreateParticipant runs at a rate comparable with FetchParticipant's.
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import type { WorldTarget } from "./_fake-world-child.js";
import type { Row } from "./_kit.js";
import { interleaved, median } from "./_measure.js";
import { startContestant } from "./_process.js";

const LIST_REQUESTS = 1_100;
const TARGET_LIST_RATIO = 1.5;
const TARGET_CREATE_SHARE = 0.5;
const CONNECTIONS = 10;
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 5);

/** p50 latency (ms) of ListParticipant pages, one request at a time, cycling through the given paths. */
async function listP50(target: WorldTarget, paths: readonly string[]): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < LIST_REQUESTS; i++) {
    const start = performance.now();
    const reply = await fetch(`${target.url}${paths[i % paths.length]}`, {
      headers: { authorization: target.authorization },
    });
    await reply.arrayBuffer();
    if (reply.status !== 200) throw new Error(`Failed to list participants: status ${reply.status}`);
    times.push(performance.now() - start);
  }
  return median(times.slice(100)); // the first hundred warm up
}

/** Requests per second of one operation under autocannon (10 connections); every answer must be 2xx. */
async function rps(target: WorldTarget, request: { method: "GET" | "POST"; path: string; body?: string }) {
  const result = await autocannon({
    url: `${target.url}${request.path}`,
    method: request.method,
    headers: {
      authorization: target.authorization,
      ...(request.body ? { "content-type": "application/x-www-form-urlencoded" } : {}),
    },
    ...(request.body ? { body: request.body } : {}),
    connections: CONNECTIONS,
    duration: SECONDS,
  });
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0)
    throw new Error(`Failed to load the fake Twilio: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return result.requests.average;
}

const perSecond = (n: number) => `${Math.round(n).toLocaleString("en-US")}/s`;

/**
 * Starts the built fake Twilio (seed 1) in a process of its own with a conference of 1,000 and one
 * of 100,000 participants. Measures ListParticipant's p50 (pages of 50: page 0 and pages after
 * PageTokens spread over the list, one request at a time, from this process) on each, and
 * CreateParticipant's and FetchParticipant's requests per second under autocannon; `RUNS` runs each,
 * interleaved, medians.
 */
export async function benchFakeWorld(): Promise<Row[]> {
  const server = startContestant(new URL("./_fake-world-child.ts", import.meta.url), []);
  try {
    const target = await server.ask<WorldTarget>({});
    const create = { method: "POST", path: target.create, body: "From=%2B15017122661&To=%2B15558675310" } as const;
    const fetchOne = { method: "GET", path: target.fetch } as const;
    await rps(target, fetchOne); // warm-up, not counted
    const m = await interleaved({
      small: () => listP50(target, target.lists.small),
      large: () => listP50(target, target.lists.large),
      create: () => rps(target, create),
      fetch: () => rps(target, fetchOne),
    });
    const ratio = m.large / m.small;
    const share = m.create / m.fetch;
    return [
      {
        measure: "fake Twilio: ListParticipant p50, page of 50, 100k vs 1k participants",
        kit: `${m.large.toFixed(2)} ms`,
        baseline: `1k participants ${m.small.toFixed(2)} ms`,
        figure: `${ratio.toFixed(2)}×`,
        target: `≤ ${TARGET_LIST_RATIO}×`,
        pass: ratio <= TARGET_LIST_RATIO,
      },
      {
        measure: `fake Twilio: CreateParticipant vs FetchParticipant, ${CONNECTIONS} connections, requests/s`,
        kit: perSecond(m.create),
        baseline: `FetchParticipant ${perSecond(m.fetch)}`,
        figure: `${share.toFixed(2)}×`,
        target: `≥ ${TARGET_CREATE_SHARE}×`,
        pass: share >= TARGET_CREATE_SHARE,
      },
    ];
  } finally {
    server.stop();
  }
}
