// The in-process fake client against the HTTP fake, both driven by the official twilio SDK one request at a time.
import { performance } from "node:perf_hooks";
import twilio from "twilio";
import type { Row } from "./_kit.js";
import { interleaved, median } from "./_measure.js";

const TARGET_RATIO = 10;
const TARGET_P50_US = 150;
/** Requests per measured run; each run comes after the same number unmeasured, as warm-up. */
const REQUESTS = Number(process.env.BENCH_IN_PROCESS_REQUESTS ?? 3000);

type FakeTwilioEntry = typeof import("../../src/fake-twilio/index.js");

/** One run: `REQUESTS` sequential SDK calls; requests per second (over the run) and the median latency in µs. */
async function run(call: () => Promise<unknown>): Promise<{ rps: number; p50: number }> {
  for (let i = 0; i < REQUESTS / 10; i++) await call();
  const latencies: number[] = [];
  const start = performance.now();
  for (let i = 0; i < REQUESTS; i++) {
    const before = performance.now();
    await call();
    latencies.push((performance.now() - before) * 1000);
  }
  return { rps: REQUESTS / ((performance.now() - start) / 1000), p50: median(latencies) };
}

const perSecond = (n: number): string => `${Math.round(n).toLocaleString("en-US")}/s`;

/**
 * The built kit's `createFakeTwilio` client and `startFakeTwilio` (on 127.0.0.1, in this process, as a
 * test runs it), seed 1, each answering ListParticipant for the seeded conference with participants
 * (`participants.page()` through the official SDK, one request in flight), `RUNS` interleaved runs of
 * BENCH_IN_PROCESS_REQUESTS (default 3,000) requests, after a tenth as many unmeasured.
 */
export async function benchInProcess(): Promise<Row[]> {
  const { createFakeTwilio, startFakeTwilio } = (await import(
    import.meta.resolve("twilio-testkit/fake-twilio")
  )) as FakeTwilioEntry;
  const inProcess = await createFakeTwilio({ seed: 1 });
  const server = await startFakeTwilio({ seed: 1 });
  try {
    const conference = inProcess.store
      .conferences(inProcess.accountSid)
      .find((c) => inProcess.store.participants(inProcess.accountSid, c.sid).length > 0);
    if (!conference) throw new Error("Failed to find a seeded conference with participants");
    const inProcessClient = inProcess.client();
    const httpClient = twilio(server.accountSid, server.authToken);
    httpClient.api.baseUrl = server.url;
    const p50s: Record<"http" | "inProcess", number[]> = { http: [], inProcess: [] };
    const measure = (name: keyof typeof p50s, client: twilio.Twilio) => async () => {
      const { rps, p50 } = await run(() => client.conferences(conference.sid).participants.page());
      p50s[name].push(p50);
      return rps;
    };
    const rps = await interleaved({
      http: measure("http", httpClient),
      inProcess: measure("inProcess", inProcessClient),
    });
    const p50 = { http: median(p50s.http), inProcess: median(p50s.inProcess) };
    const ratio = rps.inProcess / rps.http;
    return [
      {
        measure: "in-process client vs HTTP fake: ListParticipant through the SDK, one at a time, requests/s",
        kit: perSecond(rps.inProcess),
        baseline: `HTTP fake ${perSecond(rps.http)}`,
        figure: `${ratio.toFixed(1)}×`,
        target: `≥ ${TARGET_RATIO}×`,
        pass: ratio >= TARGET_RATIO,
      },
      {
        measure: "in-process client vs HTTP fake: ListParticipant through the SDK, p50 latency",
        kit: `${Math.round(p50.inProcess)} µs`,
        baseline: `HTTP fake ${Math.round(p50.http)} µs`,
        figure: `${Math.round(p50.inProcess)} µs`,
        target: `≤ ${TARGET_P50_US} µs`,
        pass: p50.inProcess <= TARGET_P50_US,
      },
    ];
  } finally {
    await inProcess.close();
    await server.close();
  }
}
