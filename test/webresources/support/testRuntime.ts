/**
 * The runtime the handlers get in tests: the real fetch against a real local server, the in-memory Dataverse, a
 * manual clock (backoff without waiting), a window-like host, and the user's language from xrm-mock's global
 * context exactly as in Dynamics.
 */
import type { AuthHost, TokenProvider } from "../../../webresources/auth/tokenProvider";
import type { Clock } from "../../../webresources/opportunity/statusPoller";
import { browserRuntime, type Runtime } from "../../../webresources/runtime";
import type { MemoryDataverse } from "./memoryDataverse";

export const START = Date.parse("2026-05-04T09:00:00.000Z");

/** Time that moves only when a test says so; sleeps wait until woken. */
export class ManualClock implements Clock {
  /** Every delay a sleeper asked for, in order. */
  readonly requested: number[] = [];
  private time = START;
  private sleepers: { readonly ms: number; readonly resolve: () => void }[] = [];

  now(): number {
    return this.time;
  }

  sleep(ms: number): Promise<void> {
    this.requested.push(ms);
    return new Promise((resolve) => this.sleepers.push({ ms, resolve }));
  }

  get sleeping(): number {
    return this.sleepers.length;
  }

  /** Ends the pending sleeps, moving time forward by the longest of them. */
  wake(): void {
    const sleepers = this.sleepers;
    this.sleepers = [];
    this.time += Math.max(0, ...sleepers.map((sleeper) => sleeper.ms));
    for (const sleeper of sleepers) sleeper.resolve();
  }

  advance(ms: number): void {
    this.time += ms;
  }
}

/** A window as the scripts see it; `top` is another window unless `isTop`. */
export function windowHost(provider?: TokenProvider): AuthHost & { readonly top: AuthHost } {
  const top: AuthHost = { top: null };
  (top as { top: AuthHost | null }).top = top;
  return { CoSellBridgeAuth: provider, top };
}

/** A provider that gives `token`, counting calls. */
export function fixedToken(token = "token-of-ana"): TokenProvider & { calls: number } {
  const provider = {
    calls: 0,
    getAccessToken() {
      provider.calls += 1;
      return Promise.resolve(token);
    },
  };
  return provider;
}

export interface TestRuntime extends Runtime {
  readonly clock: ManualClock;
  readonly opened: string[];
  /** What the next confirm dialog answers. */
  confirmAnswer: boolean;
  readonly confirms: string[];
  /** Fires the page's pagehide listeners. */
  hidePage(): void;
}

export function testRuntime(dataverse: MemoryDataverse, host: AuthHost = windowHost(fixedToken())): TestRuntime {
  const hideListeners: (() => void)[] = [];
  const runtime: TestRuntime = {
    ...browserRuntime(),
    dataverse: () => dataverse,
    fetch: (input, init) => fetch(input, init),
    clock: new ManualClock(),
    host: () => host,
    opened: [],
    confirmAnswer: true,
    confirms: [],
    openUrl: (url) => runtime.opened.push(url),
    confirm: (title) => {
      runtime.confirms.push(title);
      return Promise.resolve(runtime.confirmAnswer);
    },
    onPageHide: (listener) => hideListeners.push(listener),
    hidePage: () => {
      for (const listener of hideListeners.splice(0)) listener();
    },
    serviceTimeoutMs: 2_000,
  };
  return runtime;
}
