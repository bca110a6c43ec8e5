/**
 * What every part of the engine shares: the ports, the logger, the clock, the resolved options, the settings cache
 * and the per-record lock. Built once by createSyncEngine.
 */
import { KeyedLock } from "./keyedLock";
import type { DataverseGateway, PartnerCenterGateway, SyncStateStore } from "./ports";
import { SyncScope } from "./scope";
import { SettingsCache } from "./settings";
import { resolveOptions, type ResolvedSyncOptions, type SyncEngineDependencies, type SyncLogger } from "./types";
import type { WriteBackContext } from "./writeBack";

export class EngineCore {
  readonly dataverse: DataverseGateway;
  readonly partnerCenter: PartnerCenterGateway;
  readonly store: SyncStateStore;
  readonly logger: SyncLogger;
  readonly options: ResolvedSyncOptions;
  readonly settings: SettingsCache;
  readonly locks = new KeyedLock();
  readonly now: () => Date;

  constructor(dependencies: SyncEngineDependencies) {
    this.dataverse = dependencies.dataverse;
    this.partnerCenter = dependencies.partnerCenter;
    this.store = dependencies.store;
    this.logger = dependencies.logger;
    this.now = dependencies.now ?? (() => new Date());
    this.options = resolveOptions(dependencies.options);
    this.settings = new SettingsCache(this.options.settingsTtlMs, this.now);
  }

  /** A fresh scope whose calls are counted for one sync. */
  newScope(): SyncScope {
    return new SyncScope(this, this.now());
  }

  writeBackContext(scope: SyncScope): WriteBackContext {
    return {
      now: scope.now,
      auditMaxLength: this.options.auditMaxLength,
      referralLinkTemplate: this.options.referralLinkTemplate,
    };
  }
}
