// The fake Twilio's status callbacks: how many it delivers per second to one receiver (in order, one at a time),
// and CreateParticipant requests per second while every new participant's callbacks are sent, against callbacks off.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { CallbacksRequest, DeliveryRun } from "./_fake-callbacks-child.js";
import { CONNECTIONS, type CreateParticipantTarget, loadCreateParticipant } from "./_create-participant-load.js";
import type { Row } from "./_kit.js";
import { interleaved, median } from "./_measure.js";
import { startContestant } from "./_process.js";

const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 5);
const BURST = 2_000;
/** Callbacks delivered per second to one local receiver: at least a busy conference's worth many times over. */
const TARGET_DELIVERIES = 1_000;
const TARGET_RATIO = 0.8;
/**
 * CPU of the fake's process per delivery (event to answer read: produce, sign, send over a keep-alive
 * connection, log) against a plain node:http POST of the same size to the same receiver: the kit's own
 * work on a callback costs no more than sending it. 2.7× when first measured (290 against 107 µs).
 */
const TARGET_CPU_RATIO = 2;

/** A receiver in this process (not the fake's): drains each body and answers 204. */
async function startReceiver(): Promise<{ url: string; close(): void }> {
  const server = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      response.statusCode = 204;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

/**
 * Starts the built fake Twilio in a process of its own (seed 1, fresh per run) and a receiver in this
 * one. Deliveries: a burst of 2,000 conference events (mute, unmute) subscribed by one URL, timed from
 * the first event to the last delivery answered (`settled()`), and the fake's CPU per delivery against
 * the same number of plain node:http POSTs from the same process. Load: CreateParticipant on a real clock
 * with autocannon, 10 connections, BENCH_LOAD_SECONDS (default 5) per run, each participant subscribed
 * to its four call events and its join (five callbacks each within 700 ms), callbacks on against off.
 */
export async function benchFakeCallbacks(): Promise<Row[]> {
  const receiver = await startReceiver();
  const server = startContestant(new URL("./_fake-callbacks-child.ts", import.meta.url), []);
  const ask = <T>(request: CallbacksRequest) => server.ask<T>(request);
  const format = (rps: number) => `${Math.round(rps).toLocaleString("en-US")}/s`;
  try {
    const cpuPer: Record<"deliver" | "bare", number[]> = { deliver: [], bare: [] };
    const burst = (kind: "deliver" | "bare") => async () => {
      const run = await ask<DeliveryRun>({ kind, count: BURST, receiver: receiver.url });
      if (run.delivered !== BURST) throw new Error(`Failed to deliver callbacks: ${run.failed} of ${BURST} failed`);
      cpuPer[kind].push(run.cpuMicros / BURST);
      return BURST / (run.ms / 1000);
    };
    await burst("deliver")(); // warm-up, not counted
    await burst("bare")();
    cpuPer.deliver.length = cpuPer.bare.length = 0;
    const deliveries = await interleaved({ deliver: burst("deliver"), bare: burst("bare") });
    const cpu = median(cpuPer.deliver);
    const bare = median(cpuPer.bare);
    const run = async (callbacks: boolean, seconds = SECONDS) =>
      loadCreateParticipant(
        await ask<CreateParticipantTarget>({ kind: "load", callbacks, receiver: receiver.url }),
        seconds,
      );
    await run(true, 2); // warm-up, not counted
    const rps = await interleaved({ on: () => run(true), off: () => run(false) });
    const ratio = rps.on / rps.off;
    return [
      {
        measure: "fake Twilio: status callbacks delivered (signed, one receiver, in order)",
        kit: format(deliveries.deliver),
        baseline: "",
        figure: format(deliveries.deliver),
        target: `≥ ${format(TARGET_DELIVERIES)}`,
        pass: deliveries.deliver >= TARGET_DELIVERIES,
      },
      {
        measure: "fake Twilio: CPU per status callback delivered (the fake's process: produce, sign, send, log)",
        kit: `${cpu.toFixed(0)} µs`,
        baseline: `node:http POST alone ${bare.toFixed(0)} µs`,
        figure: `${(cpu / bare).toFixed(2)}×`,
        target: `≤ ${TARGET_CPU_RATIO}×`,
        pass: cpu / bare <= TARGET_CPU_RATIO,
      },
      {
        measure: `fake Twilio: CreateParticipant with callbacks on (5 per participant), ${CONNECTIONS} connections`,
        kit: format(rps.on),
        baseline: `callbacks off ${format(rps.off)}`,
        figure: `${ratio.toFixed(2)}×`,
        target: `≥ ${TARGET_RATIO}×`,
        pass: ratio >= TARGET_RATIO,
      },
    ];
  } finally {
    server.stop();
    receiver.close();
  }
}
