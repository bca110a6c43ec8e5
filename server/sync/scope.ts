/**
 * One sync's view of the outside world: the gateways wrapped so that every call is counted (SyncRecord's
 * partnerCenterCalls and dataverseCalls, for /metrics and the "0 calls per no-op" promise), and the instant the sync
 * started, so that every timestamp a sync writes is the same.
 */
import type { DataverseGateway, PartnerCenterGateway } from "./ports";

export interface CallCounts {
  dataverse: number;
  partnerCenter: number;
}

export class SyncScope {
  readonly calls: CallCounts = { dataverse: 0, partnerCenter: 0 };
  readonly dataverse: DataverseGateway;
  readonly partnerCenter: PartnerCenterGateway;

  constructor(
    gateways: { readonly dataverse: DataverseGateway; readonly partnerCenter: PartnerCenterGateway },
    readonly now: Date,
  ) {
    this.dataverse = counted(gateways.dataverse, () => (this.calls.dataverse += 1));
    this.partnerCenter = counted(gateways.partnerCenter, () => (this.calls.partnerCenter += 1));
  }

  get nowIso(): string {
    return this.now.toISOString();
  }
}

/**
 * The same object, with every method call tallied once. A listing (an async iterable) counts as one call however
 * many pages it reads: the port hides the pages.
 */
function counted<T extends object>(target: T, tally: () => void): T {
  return new Proxy(target, {
    get(object, property) {
      const member: unknown = Reflect.get(object, property, object);
      if (typeof member !== "function") return member;
      return (...args: unknown[]) => {
        tally();
        return (member as (...values: unknown[]) => unknown).apply(object, args);
      };
    },
  });
}
