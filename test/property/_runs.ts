// internal: how many cases each property test draws, and how long vitest lets it take.

const DEFAULT_RUNS = 200;

function runsFromEnv(text: string | undefined): number {
  if (text === undefined || text === "") return DEFAULT_RUNS;
  if (!/^[1-9]\d*$/.test(text))
    throw new Error(`Failed to read PROPERTY_RUNS: ${JSON.stringify(text)} is not a whole number of 1 or more`);
  return Number(text);
}

/**
 * Cases each property test draws: `PROPERTY_RUNS` from the environment, else 200 (`npm test`);
 * `npm run test:deep` sets 10,000.
 *
 * @throws Error when `PROPERTY_RUNS` is set to anything but a whole number ≥ 1
 */
export const PROPERTY_RUNS = runsFromEnv(process.env.PROPERTY_RUNS);

/**
 * A vitest timeout (ms) for a property test drawing {@link PROPERTY_RUNS} cases: five times what
 * they take at `msPerRun` each, and never under vitest's 60 s (vitest.config.ts).
 *
 * @param msPerRun - the slowest time per case measured on the busy 2-core machine (load 10 to 14), at
 *   300 to 3,000 and at 10,000 cases, rounded up. fast-check draws larger values as the run count
 *   grows, so a case can cost ten times more under `test:deep` (validateResource on any JSON: 9 ms a
 *   case over 1,000 cases, 86 ms over 10,000).
 */
export function propertyTimeout(msPerRun: number): number {
  return Math.max(60_000, Math.ceil(5 * msPerRun * PROPERTY_RUNS));
}
