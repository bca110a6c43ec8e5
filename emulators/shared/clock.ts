/**
 * Time for the emulators. Tests and the demo use a ManualClock to make a referral expire after 14 days, or a token
 * lapse, without waiting; everything else uses the system clock.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export class ManualClock implements Clock {
  private current: number;

  constructor(start: Date | string = "2026-01-01T00:00:00Z") {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(to: Date | string): void {
    this.current = new Date(to).getTime();
  }

  advance(milliseconds: number): Date {
    if (!Number.isFinite(milliseconds) || milliseconds < 0) {
      throw new RangeError(`a clock only moves forward; got ${String(milliseconds)} ms`);
    }
    this.current += milliseconds;
    return this.now();
  }
}
