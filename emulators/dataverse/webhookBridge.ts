/**
 * Connects the organization to the webhook caller (dataverse.md §3.2–§3.4). After every committed change the
 * asynchronous steps that select it are started; before a Web API write commits, the write coordinator asks which
 * changes have synchronous steps and has them called first, so that a failing step fails the write.
 */
import { notificationOf, type OrganizationNames, type RequestScope } from "./changeNotifications";
import type { ChangeEvent, DataverseOrganization } from "./model";
import type { WebhookRegistry } from "./webhookRegistry";
import { selectSteps, StepMode, type ChangeNotification, type StepFailure, type WebhookCaller } from "./webhooks";

/** What the bridge works with. */
export interface WebhookBridgeDependencies {
  readonly caller: WebhookCaller;
  readonly registry: WebhookRegistry;
  readonly names: OrganizationNames;
  /** The scope of the Web API request a change belongs to, by correlation id. */
  readonly scopeOf: (correlationId: string) => RequestScope | undefined;
  /** Told when starting asynchronous steps fails (a closed caller, say); the change stays committed. */
  readonly onError: (error: unknown) => void;
}

export class WebhookBridge {
  private organization: DataverseOrganization | undefined;

  constructor(private readonly deps: WebhookBridgeDependencies) {}

  /** Starts asynchronous steps for the committed changes of `organization`; returns the function that stops it. */
  attach(organization: DataverseOrganization): () => void {
    this.organization = organization;
    const stop = organization.onChange((event) => {
      this.committed(event);
    });
    return () => {
      stop();
      if (this.organization === organization) this.organization = undefined;
    };
  }

  /** The notification of `event` when an enabled synchronous webhook step selects it; undefined otherwise. */
  synchronousNotification(event: ChangeEvent): ChangeNotification | undefined {
    const notification = this.notificationOf(event);
    if (notification === undefined) return undefined;
    const registrations = this.deps.registry.registrationsFor(notification.entityName);
    const selected = selectSteps(notification, registrations.steps);
    return selected.some((step) => step.mode === StepMode.Synchronous) ? notification : undefined;
  }

  /** Calls the synchronous steps of a notification, in rank order; the first failure, or undefined. */
  async runSynchronousSteps(notification: ChangeNotification): Promise<StepFailure | undefined> {
    const registrations = this.deps.registry.registrationsFor(notification.entityName);
    const result = await this.deps.caller.runSynchronousSteps(notification, registrations);
    return result.ok ? undefined : result.failure;
  }

  private committed(event: ChangeEvent): void {
    try {
      const notification = this.notificationOf(event);
      if (notification === undefined) return;
      const registrations = this.deps.registry.registrationsFor(notification.entityName);
      if (!registrations.steps.some((step) => step.mode === StepMode.Asynchronous)) return;
      this.deps.caller.startAsynchronousSteps(notification, registrations);
    } catch (error) {
      this.deps.onError(error);
    }
  }

  private notificationOf(event: ChangeEvent): ChangeNotification | undefined {
    const table = this.organization?.metadata.findTable(event.table);
    if (table === undefined) return undefined;
    return notificationOf(event, table, this.deps.names, this.deps.scopeOf(event.correlationId));
  }
}
