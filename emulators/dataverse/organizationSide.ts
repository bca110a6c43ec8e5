/**
 * The non-HTTP half of the emulator, wired together: the organization (held so it can be reset), the write
 * coordinator every write goes through, and the webhook side (dataverse.md §3): registrations read from the
 * organization, the caller that POSTs, the log of attempted POSTs and the system jobs of asynchronous steps.
 */
import type { RequestScope } from "./changeNotifications";
import { DeliveryLog } from "./deliveryLog";
import type { DataverseWebhookOptions, ResolvedDataverseOptions } from "./options";
import { OrganizationHolder } from "./organizationHolder";
import { RepeatableRuns } from "./repeatableRuns";
import { SystemJobs } from "./systemJobs";
import { WebhookBridge } from "./webhookBridge";
import { WebhookRegistry } from "./webhookRegistry";
import { WebhookCaller, type WebhookCallerOptions } from "./webhooks";
import { WriteCoordinator } from "./writeCoordinator";

/** The parts the HTTP side and the admin API work with. */
export interface OrganizationSide {
  readonly holder: OrganizationHolder;
  readonly coordinator: WriteCoordinator;
  readonly caller: WebhookCaller;
  readonly deliveries: DeliveryLog;
  readonly systemJobs: SystemJobs;
}

/**
 * Builds the organization (from the snapshot file, or seeded) and everything that listens to it.
 * @throws SnapshotError when the snapshot file exists but is not a snapshot.
 */
export function createOrganizationSide(settings: ResolvedDataverseOptions): OrganizationSide {
  const { clock, ids, logger } = settings;
  const runs = new RepeatableRuns(clock, ids.organization);
  const holder = new OrganizationHolder({ ...settings, runs });
  const { deliveryLogMaxEntries, ...webhookOptions } = settings.webhooks;
  const callerOptions = withoutSynchronousFailure(webhookOptions);
  const deliveries = new DeliveryLog(clock, deliveryLogMaxEntries);
  const systemJobs = new SystemJobs((plan, what) => {
    coordinator.background(plan, what);
  });
  const caller = new WebhookCaller({
    ...callerOptions,
    fetch: deliveries.wrap(callerOptions.fetch ?? fetch),
    clock,
    ids: ids.webhooks,
    onAsyncOperation: systemJobs.record,
  });
  const registry = new WebhookRegistry(() => holder.organization);
  const bridge: WebhookBridge = new WebhookBridge({
    caller,
    registry,
    names: settings.organization,
    scopeOf: (correlationId): RequestScope | undefined => coordinator.scopeOf(correlationId),
    onError: (error) => {
      logger?.error("starting asynchronous webhook steps failed", {
        error: error instanceof Error ? error.message : String(error),
      });
    },
  });
  const coordinator: WriteCoordinator = new WriteCoordinator({
    holder,
    runs,
    bridge,
    synchronousFailure: settings.synchronousFailure,
    ids: ids.requests,
    logger,
  });
  // The registry first, so a change to an endpoint's key is known before the bridge hears of the change.
  holder.attach((org) => registry.attach(org));
  holder.attach((org) => bridge.attach(org));
  holder.attach((org) => coordinator.attach(org));
  return { holder, coordinator, caller, deliveries, systemJobs };
}

/** The caller's options: `synchronousFailure` is the write coordinator's, not the caller's. */
function withoutSynchronousFailure(
  options: Omit<DataverseWebhookOptions, "deliveryLogMaxEntries">,
): WebhookCallerOptions {
  return Object.fromEntries(Object.entries(options).filter(([name]) => name !== "synchronousFailure"));
}
