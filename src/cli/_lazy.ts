// internal: a command's work loaded when the command runs, so that every other command (and --help) starts without it.

/**
 * A function that imports its module on first call: `lazily(async () => (await import("m.js")).f)`
 * has `f`'s signature, and `m.js` (with Pact, fastify, …) loads only when a command calls it.
 *
 * @param load - resolves to the function, by a dynamic `import()` (bundlers split it into its own chunk)
 */
export function lazily<A extends unknown[], R>(
  load: () => Promise<(...args: A) => R>,
): (...args: A) => Promise<Awaited<R>> {
  return async (...args: A): Promise<Awaited<R>> => await (await load())(...args);
}
