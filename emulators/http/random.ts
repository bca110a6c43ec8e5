/** A source of uniformly distributed numbers in [0, 1), like Math.random. */
export type RandomSource = () => number;

/**
 * A small deterministic PRNG (mulberry32): the same seed gives the same sequence, so a test of a 30% fault
 * probability knows exactly which requests fail. Not for anything security related.
 */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}
