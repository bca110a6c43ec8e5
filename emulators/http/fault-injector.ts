import { type Clock, systemClock } from "../shared/clock";
import type { HeaderMap } from "./http-error";
import {
  type ActiveFaultRule,
  compileFaultMatch,
  type Fault,
  type FaultMatch,
  type FaultRule,
  validateFaultRule,
} from "./fault-rules";
import type { RandomSource } from "./random";
import type { ReplyBody } from "./reply";

/** Options for a {@link FaultInjector}. */
export interface FaultInjectorOptions {
  /** Measures rate-limit windows; a ManualClock lets a test move past a window without waiting. */
  readonly clock?: Clock;
  /** Rolls the probability of rules below 1; pass seededRandom(n) for repeatable runs. Default Math.random. */
  readonly random?: RandomSource;
}

/** What ends a faulted request instead of the real handler. */
export type FaultOutcome =
  | {
      readonly kind: "status";
      readonly ruleId: string;
      readonly status: number;
      readonly body?: ReplyBody;
      readonly headers?: HeaderMap;
    }
  | { readonly kind: "rateLimited"; readonly ruleId: string; readonly retryAfterSeconds: number }
  | { readonly kind: "drop"; readonly ruleId: string };

/** The faults for one request: a delay to wait first, then possibly an outcome that replaces the handler. */
export interface FaultDecision {
  readonly delayMs: number;
  readonly outcome?: FaultOutcome;
}

interface StoredRule {
  readonly id: string;
  readonly match: FaultMatch;
  readonly fault: Fault;
  readonly probability: number;
  remaining: number | undefined;
  readonly matches: (method: string, path: string) => boolean;
  /** Arrival times (clock ms) of the requests a rate limit let through within the current window. */
  admitted: number[];
}

/**
 * Holds the fault rules of one emulator. Rules are tried in the order they were added: latency rules add up and
 * let the next rules run; the first status, rate-limit refusal or drop decides the request.
 */
export class FaultInjector {
  private readonly clock: Clock;
  private readonly random: RandomSource;
  private rules: StoredRule[] = [];
  private generatedIds = 0;

  constructor(options: FaultInjectorOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
  }

  /**
   * Adds a rule and returns its id.
   * @throws RangeError/TypeError for an invalid rule, or when its id is already in use.
   */
  add(rule: FaultRule): string {
    validateFaultRule(rule);
    const id = rule.id ?? this.nextId();
    if (this.rules.some((stored) => stored.id === id)) throw new TypeError(`a fault rule with id '${id}' exists`);
    const match = rule.match ?? {};
    this.rules.push({
      id,
      match,
      fault: rule.fault,
      probability: rule.probability ?? 1,
      remaining: rule.remaining,
      matches: compileFaultMatch(match),
      admitted: [],
    });
    return id;
  }

  /** Removes a rule; false when no rule has that id (it may have run out). */
  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((rule) => rule.id !== id);
    return this.rules.length < before;
  }

  /** Removes every rule. */
  clear(): void {
    this.rules = [];
  }

  /** The rules still in force, with the applications they have left. */
  list(): ActiveFaultRule[] {
    return this.rules.map(({ id, match, fault, probability, remaining }) => ({
      id,
      match,
      fault,
      probability,
      remaining,
    }));
  }

  /** Decides the faults for one request and uses up the rules that apply. Called by the pipeline. */
  decide(method: string, path: string): FaultDecision {
    let delayMs = 0;
    for (const rule of [...this.rules]) {
      if (!rule.matches(method, path) || !this.rolls(rule.probability)) continue;
      const outcome = this.apply(rule);
      if (outcome === "skipped") continue;
      this.useUp(rule);
      if (outcome === "delayed") {
        delayMs += rule.fault.kind === "latency" ? rule.fault.ms : 0;
        continue;
      }
      return { delayMs, outcome };
    }
    return { delayMs };
  }

  private apply(rule: StoredRule): FaultOutcome | "delayed" | "skipped" {
    const { fault, id: ruleId } = rule;
    switch (fault.kind) {
      case "latency":
        return "delayed";
      case "drop":
        return { kind: "drop", ruleId };
      case "status": {
        const { status, body, headers } = fault;
        return {
          kind: "status",
          ruleId,
          status,
          ...(body === undefined ? {} : { body }),
          ...(headers ? { headers } : {}),
        };
      }
      case "rateLimit": {
        const retryAfterSeconds = this.admitOrWait(rule, fault.limit, fault.windowMs);
        if (retryAfterSeconds === undefined) return "skipped";
        return { kind: "rateLimited", ruleId, retryAfterSeconds: fault.retryAfterSeconds ?? retryAfterSeconds };
      }
    }
  }

  /** Sliding-window limiter: undefined when the request may pass, otherwise whole seconds until a slot frees up. */
  private admitOrWait(rule: StoredRule, limit: number, windowMs: number): number | undefined {
    const now = this.clock.now().getTime();
    rule.admitted = rule.admitted.filter((arrival) => arrival > now - windowMs);
    if (rule.admitted.length < limit) {
      rule.admitted.push(now);
      return undefined;
    }
    const oldest = rule.admitted[0] ?? now;
    return Math.max(1, Math.ceil((oldest + windowMs - now) / 1000));
  }

  private rolls(probability: number): boolean {
    // Rolling only for probabilities below 1 keeps a seeded sequence aligned with the rules that are really random.
    if (probability >= 1) return true;
    return probability > 0 && this.random() < probability;
  }

  private useUp(rule: StoredRule): void {
    if (rule.remaining === undefined) return;
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.remove(rule.id);
  }

  private nextId(): string {
    do this.generatedIds += 1;
    while (this.rules.some((rule) => rule.id === `fault-${this.generatedIds}`));
    return `fault-${this.generatedIds}`;
  }
}
