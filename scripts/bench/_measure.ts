// internal: timing helpers shared by the benchmarks.
import { performance } from "node:perf_hooks";

/** How many times each contestant is measured; the table shows the median. */
export const RUNS = Number(process.env.BENCH_RUNS ?? 5);

/** The median of some numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

// Results land here so that the engine cannot drop a measured call as unused.
// biome-ignore lint/correctness/noUnusedVariables: written, never read, on purpose (see above)
let sink: unknown;

/**
 * Calls `fn` `count` times and returns the calls per second.
 *
 * @param fn - one operation, given its index
 */
export function rate(count: number, fn: (i: number) => unknown): number {
  const start = performance.now();
  for (let i = 0; i < count; i++) sink = fn(i);
  return count / ((performance.now() - start) / 1000);
}

/**
 * Measures several contestants `RUNS` times each, interleaved (A, B, C, A, B, C, …) so that drift
 * of the machine hits them alike, and returns each one's median.
 *
 * @param contestants - name → one measurement (a rate, or a duration)
 */
export async function interleaved<K extends string>(
  contestants: Readonly<Record<K, () => number | Promise<number>>>,
): Promise<Record<K, number>> {
  const samples = {} as Record<K, number[]>;
  for (let run = 0; run < RUNS; run++) {
    for (const name of Object.keys(contestants) as K[]) (samples[name] ??= []).push(await contestants[name]());
  }
  const medians = {} as Record<K, number>;
  for (const name of Object.keys(samples) as K[]) medians[name] = median(samples[name]);
  return medians;
}
