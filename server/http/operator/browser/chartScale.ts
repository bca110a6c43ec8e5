/** The latency chart's arithmetic: linear scales and tick values a person reads easily (1, 2 or 5 × 10ⁿ). */

/** Maps [domainStart, domainEnd] onto [rangeStart, rangeEnd]; a zero-width domain maps to the range's middle. */
export function linearScale(
  [domainStart, domainEnd]: readonly [number, number],
  [rangeStart, rangeEnd]: readonly [number, number],
): (value: number) => number {
  const width = domainEnd - domainStart;
  if (width === 0) return () => (rangeStart + rangeEnd) / 2;
  return (value) => rangeStart + ((value - domainStart) / width) * (rangeEnd - rangeStart);
}

/** A step of 1, 2, 5 or 10 × 10ⁿ, the smallest at least `rough`. */
function niceStep(rough: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const factor = [1, 2, 5, 10].find((candidate) => candidate * magnitude >= rough) ?? 10;
  return factor * magnitude;
}

/** Ticks from 0 to a round value at or above `max` (in ms; at least 1 s), about `count` steps apart. */
export function latencyTicks(max: number, count = 4): number[] {
  const top = Math.max(max, 1000);
  const step = niceStep(top / count);
  const ticks: number[] = [];
  for (let tick = 0; tick < top + step; tick += step) ticks.push(tick);
  return ticks;
}

/** `count` evenly spaced instants from `start` to `end` (both included), or just `start` when they are equal. */
export function timeTicks(start: number, end: number, count: number): number[] {
  if (end <= start || count < 2) return [start];
  const step = (end - start) / (count - 1);
  return Array.from({ length: count }, (_, index) => start + index * step);
}
