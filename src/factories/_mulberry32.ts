/**
 * mulberry32: a small seeded generator of numbers in [0, 1), for the few draws that need no Faker
 * (request parameters, which requests a fault applies to). The same seed gives the same numbers.
 *
 * @param seed - any number; read as an unsigned 32-bit integer
 * @returns the next number in [0, 1) on each call
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
