/**
 * The sync service as the panel uses it: the opportunity's status, read when the panel opens and polled with backoff
 * while a sync is pending (stopped on unmount), and "Sync now", which reads the status again once queued.
 */
import * as React from "react";
import type { SyncServiceClient } from "../data/syncService";
import type { Loadable, ServiceState, SyncRunState } from "../model/panelData";
import { latestServiceStatus } from "../model/panelData";
import { defaultPollDelays, maxPolls, pollDelayOf, pollsAwaitingSave, statusCoversSave } from "../model/polling";
import { type PanelSettings, resolveSyncEndpoint } from "../model/settings";
import type { PanelServices } from "./services";
import { useValue } from "./useValue";

export interface SyncServiceView {
  readonly service: ServiceState;
  readonly syncRun: SyncRunState;
  readonly syncNow: () => void;
}

type Target = { readonly kind: "ready"; readonly baseUrl: string; readonly recordId: string } | ServiceState;

/** Where the panel stands before any call: no record, no settings yet, no or a bad address. */
function targetOf(recordId: string | null, inputUrl: string | null, settings: Loadable<PanelSettings>): Target {
  if (recordId === null) return { kind: "newRecord" };
  if (inputUrl === null && settings.state === "loading") return { kind: "waitingForSettings" };
  const environmentUrl = settings.state === "loaded" ? settings.value.syncEndpointUrl : null;
  const endpoint = resolveSyncEndpoint(inputUrl, environmentUrl);
  if (endpoint.kind === "none") return { kind: "notConfigured" };
  if (endpoint.kind === "invalid") return { kind: "invalidUrl", url: endpoint.url };
  return { kind: "ready", baseUrl: endpoint.baseUrl, recordId };
}

/**
 * `savedVersion` is the saved row's modifiedon: when it moves, the record was saved (or synced) and the status is
 * read again, since a save with Sync on queues a sync. Until the status shows that sync (or a few polls pass), the
 * panel keeps asking, because the service hears of the save through an asynchronous webhook.
 */
export function useSyncService(
  services: PanelServices,
  recordId: string | null,
  inputUrl: string | null,
  settings: Loadable<PanelSettings>,
  savedVersion: string | null,
  syncOn: boolean,
): SyncServiceView {
  const target = targetOf(recordId, inputUrl, settings);
  const baseUrl = target.kind === "ready" ? target.baseUrl : null;
  const fetched = useValue<ServiceState>({ kind: "loading" });
  const syncRun = useValue<SyncRunState>({ kind: "idle" });
  const reads = useValue(0);
  const setFetched = fetched.set;
  const setSyncRun = syncRun.set;
  const setReads = reads.set;
  const mounted = React.useRef(true);
  React.useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const lastSavedVersion = React.useRef(savedVersion);
  /** The modifiedon of a save with Sync on whose sync the status has not shown yet. */
  const awaitedSave = React.useRef<string | null>(null);
  React.useEffect(() => {
    // No version while a read is failing: keep the last one known, so the save behind the next one still counts.
    if (savedVersion === null) return;
    const before = lastSavedVersion.current;
    lastSavedVersion.current = savedVersion;
    if (before === null || before === savedVersion) return;
    awaitedSave.current = syncOn ? savedVersion : null;
    setReads((count) => count + 1);
  }, [savedVersion, syncOn, setReads]);

  React.useEffect(() => {
    if (baseUrl === null || recordId === null) return undefined;
    const client = services.connectSyncService(baseUrl);
    if (client === null) {
      setFetched({ kind: "noSignIn" });
      return undefined;
    }
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const delays = services.pollDelays ?? defaultPollDelays;
    const read = (attempt: number) => {
      void client.status(recordId).then((result) => {
        if (stopped) return;
        if (!result.ok) {
          setFetched((before) => ({ kind: "failed", failure: result.failure, lastKnown: latestServiceStatus(before) }));
          return;
        }
        setFetched({ kind: "loaded", status: result.value });
        const save = awaitedSave.current;
        if (save !== null && statusCoversSave(result.value, save)) awaitedSave.current = null;
        const awaitingSave = awaitedSave.current !== null && attempt < pollsAwaitingSave;
        if ((result.value.status === "Pending" || awaitingSave) && attempt + 1 < maxPolls) {
          timer = setTimeout(
            () => {
              read(attempt + 1);
            },
            pollDelayOf(delays, attempt),
          );
        }
      });
    };
    // A second read keeps showing the status it had until the answer comes.
    setFetched((before) => (before.kind === "loaded" ? before : { kind: "loading" }));
    read(0);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [services, baseUrl, recordId, reads.value, setFetched]);

  const syncNow = React.useCallback(() => {
    if (baseUrl === null || recordId === null) return;
    const client: SyncServiceClient | null = services.connectSyncService(baseUrl);
    if (client === null) {
      setFetched({ kind: "noSignIn" });
      return;
    }
    setSyncRun({ kind: "running" });
    void client.syncNow(recordId).then((result) => {
      if (!mounted.current) return;
      setSyncRun(result.ok ? { kind: "done", result: result.value } : { kind: "failed", failure: result.failure });
      if (result.ok) setReads((count) => count + 1);
    });
  }, [services, baseUrl, recordId, setFetched, setSyncRun, setReads]);

  return { service: target.kind === "ready" ? fetched.value : target, syncRun: syncRun.value, syncNow };
}
