/**
 * What the handlers need from the page, in one object so tests can replace the network, Dataverse, time and the
 * window while the handlers stay as they run in Dynamics. browserRuntime() is the real one; it touches `Xrm` and
 * `window` only when a handler runs, never when the script loads (a form loads its libraries before its data).
 */
import type { AuthHost } from "./auth/tokenProvider";
import { xrmWebApiReader, type DataverseReader } from "./dataverse/dataverseReader";
import type { Clock } from "./opportunity/statusPoller";

export interface Runtime {
  readonly dataverse: () => DataverseReader;
  readonly fetch: typeof fetch;
  readonly clock: Clock;
  readonly host: () => AuthHost;
  /** Xrm.Utility.getResourceString: a string of the user's language from a String (RESX) web resource. */
  readonly resourceString: (webResourceName: string, key: string) => unknown;
  readonly openUrl: (url: string) => void;
  /** Asks the seller to confirm; resolves true when they do. */
  readonly confirm: (title: string, text: string) => Promise<boolean>;
  /** Runs `listener` once when the page goes away. */
  readonly onPageHide: (listener: () => void) => void;
  /** Per-call timeout of the sync service; the client's default when omitted. */
  readonly serviceTimeoutMs?: number;
}

export function browserRuntime(): Runtime {
  return {
    dataverse: () => xrmWebApiReader(Xrm.WebApi),
    fetch: (input, init) => window.fetch(input, init),
    clock: {
      now: () => Date.now(),
      sleep: (ms) =>
        new Promise((resolve) => {
          setTimeout(resolve, ms);
        }),
    },
    host: () => window,
    resourceString: (webResourceName, key) => Xrm.Utility.getResourceString(webResourceName, key),
    openUrl: (url) => {
      Xrm.Navigation.openUrl(url);
    },
    confirm: async (title, text) => (await Xrm.Navigation.openConfirmDialog({ title, text })).confirmed,
    onPageHide: (listener) => {
      window.addEventListener("pagehide", listener, { once: true });
    },
  };
}
