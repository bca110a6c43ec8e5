/**
 * In-memory stand-ins for what the panel reads and calls, for tests of the React part (the real Web API and service
 * are covered by the data tests): a Dataverse reader over a few rows, and a sync service that answers from a script.
 */
import type { DataverseRow } from "../../../core";
import type { PanelServices } from "../../../controls/CoSellPanel/components/services";
import type { DataverseReader } from "../../../controls/CoSellPanel/data/dataverse";
import { productCatalogOf } from "../../../controls/CoSellPanel/data/productCatalog";
import type { ServiceResult, SyncServiceClient } from "../../../controls/CoSellPanel/data/syncService";
import type { OpportunitySyncStatus, SyncRequestResult } from "../../../controls/CoSellPanel/data/syncServiceTypes";
import { anOpportunity, aServiceStatus, now } from "./builders";
import { catalogue } from "./render";
import { english } from "./strings";

export interface FakeDataverse extends DataverseReader {
  /** The saved opportunity row; change it to simulate a save. */
  opportunity: DataverseRow;
  readonly environment: Record<string, string>;
  readonly reads: string[];
}

export function fakeDataverse(): FakeDataverse {
  const snapshot = anOpportunity();
  const fake: FakeDataverse = {
    opportunity: {
      ...snapshot.opportunity,
      // Saved with Sync on but not shared yet, so the seller can still share it.
      csb_syncwithpartnercenter: true,
      csb_sharewithmicrosoft: false,
      modifiedon: "2026-11-25T09:00:00Z",
      parentaccountid: snapshot.account,
      parentcontactid: snapshot.contact,
      transactioncurrencyid: { isocurrencycode: "USD" },
    },
    environment: { csb_SyncEndpointUrl: "https://cosell.contoso.example" },
    reads: [],
    retrieveRecord: (entity) => {
      fake.reads.push(entity);
      return Promise.resolve({ ...fake.opportunity });
    },
    retrieveMultiple: (entity, options) => {
      fake.reads.push(entity);
      if (entity === "environmentvariabledefinition") {
        return Promise.resolve(
          Object.entries(fake.environment).map(([schemaname, value]) => ({
            schemaname,
            defaultvalue: null,
            environmentvariabledefinition_environmentvariablevalue: [{ value }],
          })),
        );
      }
      const wanted = /contains\(csb_name,'([^']*)'\)/.exec(options)?.[1]?.toLowerCase();
      const rows = catalogue
        .filter((entry) => wanted === undefined || entry.name.toLowerCase().includes(wanted))
        .map((entry) => ({ csb_solutionid: entry.id, csb_name: entry.name }));
      return Promise.resolve(rows);
    },
  };
  return fake;
}

export interface ScriptedService extends SyncServiceClient {
  /** The statuses the next status calls answer with, in order; the last one repeats. */
  readonly statuses: OpportunitySyncStatus[];
  syncResult: ServiceResult<SyncRequestResult>;
  readonly calls: string[];
}

export function scriptedService(statuses: OpportunitySyncStatus[] = [aServiceStatus()]): ScriptedService {
  const service: ScriptedService = {
    statuses,
    syncResult: { ok: true, value: { jobId: "job-1", coalesced: false } },
    calls: [],
    status: (id) => {
      service.calls.push(`status ${id}`);
      const next = service.statuses.length > 1 ? service.statuses.shift() : service.statuses[0];
      return Promise.resolve({ ok: true, value: next ?? aServiceStatus() });
    },
    syncNow: (id) => {
      service.calls.push(`syncNow ${id}`);
      return Promise.resolve(service.syncResult);
    },
  };
  return service;
}

export function fakeServices(
  dataverse: FakeDataverse,
  service: SyncServiceClient | null,
  overrides: Partial<PanelServices> = {},
): PanelServices {
  return {
    reader: dataverse,
    catalog: productCatalogOf(dataverse),
    connectSyncService: () => service,
    now: () => now,
    t: english,
    pollDelays: [5],
    refreshDelayMs: 5,
    ...overrides,
  };
}
