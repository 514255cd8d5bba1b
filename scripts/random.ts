/**
 * Deterministic randomness for generated workbooks (the sample, the benchmark's synthetic
 * districts, test workbooks): the same seed always gives the same workbook, on any machine.
 */

export type Rng = () => number;

/** mulberry32: a small seeded PRNG with a period of 2^32, uniform in [0, 1). */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
