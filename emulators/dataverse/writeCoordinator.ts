/**
 * Every write of the Web API, the admin API and the webhook system jobs goes through here, one at a time.
 *
 * Synchronous webhook steps (dataverse.md §3.4) are HTTP calls, but the organization's transactions are synchronous
 * and their guard (`onBeforeCommit`) can only refuse. So a write runs; when the guard meets a change with a
 * synchronous step it refuses it (the write is undone), the step is called, and on success the write runs again
 * with that change approved, until it commits. A failing step fails the write with nothing changed.
 *
 * A $batch change set (§4.3) is answered one request at a time, each answer needed for the next (`$1`), but must
 * commit all or nothing: its requests run on a scratch copy of the organization, and once all succeeded they run
 * again on the organization itself in one transaction. RepeatableRuns makes every run produce the same rows.
 */
import { HttpError, type Logger } from "../http";
import type { IdGenerator } from "../shared/ids";
import type { RequestScope } from "./changeNotifications";
import { DataverseOrganization, type ChangeEvent } from "./model";
import type { OrganizationHolder } from "./organizationHolder";
import type { SynchronousStepFailure } from "./options";
import type { RepeatableRuns } from "./repeatableRuns";
import type { WebhookBridge } from "./webhookBridge";
import type { ChangeNotification } from "./webhooks";
import { WriteQueue } from "./writeQueue";

/** Writes (and the reads that answer them) against one organization; must be synchronous. */
export type WritePlan<T> = (organization: DataverseOrganization) => T;

/** Runs a plan: at once on the organization, or staged in a change set. */
export type WriteExecutor = <T>(plan: WritePlan<T>) => Promise<T>;

/** The request a write belongs to. */
export interface WriteScope extends RequestScope {
  readonly correlationId: string;
}

export interface WriteCoordinatorDependencies {
  readonly holder: OrganizationHolder;
  readonly runs: RepeatableRuns;
  readonly bridge: WebhookBridge;
  readonly synchronousFailure: SynchronousStepFailure;
  readonly ids: IdGenerator;
  readonly logger: Logger | undefined;
}

/** Thrown by the guard to set a write aside until the synchronous steps of one of its changes have run. */
class SynchronousStepsPending extends Error {
  constructor(
    readonly key: string,
    readonly notification: ChangeNotification,
  ) {
    super("synchronous webhook steps must run before this change commits");
  }
}

interface Attempt {
  readonly approved: ReadonlySet<string>;
  index: number;
}

export class WriteCoordinator {
  private readonly queue = new WriteQueue();
  private readonly scopes = new Map<string, RequestScope>();
  private attempt: Attempt | undefined;

  constructor(private readonly deps: WriteCoordinatorDependencies) {}

  /** Guards `organization`'s commits; returns the function that stops guarding. */
  attach(organization: DataverseOrganization): () => void {
    return organization.onBeforeCommit((event) => {
      this.guard(event);
    });
  }

  /** The scope of the write a change belongs to, while it commits. */
  scopeOf(correlationId: string): RequestScope | undefined {
    return this.scopes.get(correlationId);
  }

  /** Runs `plan` atomically once every earlier write is done and the synchronous steps of its changes succeeded. */
  write<T>(plan: WritePlan<T>, scope: WriteScope): Promise<T> {
    return this.queue.run(() => this.approved(plan, scope));
  }

  /**
   * Runs `work` as one change set: its plans run on a scratch copy as they come, then all together for real.
   * @throws what `work` throws (nothing is kept then), or the error of the final run.
   */
  changeSet<T>(work: (stage: WriteExecutor) => Promise<T>, scope: WriteScope): Promise<T> {
    return this.queue.run(async () => {
      const { runs, holder } = this.deps;
      runs.begin();
      try {
        const scratch = DataverseOrganization.fromSnapshot(holder.organization.toSnapshot(), {
          clock: runs.clock,
          ids: runs.ids,
        });
        const staged: WritePlan<unknown>[] = [];
        const stage: WriteExecutor = (plan) => {
          const result = scratch.transaction(() => plan(scratch), { correlationId: scope.correlationId });
          staged.push(plan);
          return Promise.resolve(result);
        };
        const result = await work(stage);
        await this.approved((organization) => {
          for (const plan of staged) plan(organization);
        }, scope);
        return result;
      } finally {
        runs.end();
      }
    });
  }

  /** Queues a write of the emulator's own (a system job row, an admin change); errors go to the logger. */
  background(plan: WritePlan<unknown>, what: string): void {
    const scope = { correlationId: this.deps.ids(), initiatingUserId: "" };
    this.queue
      .run(() => this.approved(plan, scope))
      .catch((error: unknown) => {
        this.deps.logger?.error(`${what} failed`, { error: error instanceof Error ? error.message : String(error) });
      });
  }

  /** Runs `work` between queued writes (an admin reset or snapshot load). */
  exclusive<T>(work: () => T | Promise<T>): Promise<T> {
    return this.queue.run(work);
  }

  /** Resolves once no write is queued or under way. */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  private async approved<T>(plan: WritePlan<T>, scope: WriteScope): Promise<T> {
    const { runs, holder, bridge } = this.deps;
    const ownsRun = !runs.active;
    if (ownsRun) runs.begin();
    if (scope.initiatingUserId !== "") this.scopes.set(scope.correlationId, scope);
    const approved = new Set<string>();
    try {
      for (;;) {
        runs.restart();
        this.attempt = { approved, index: 0 };
        const organization = holder.organization;
        try {
          return organization.transaction(() => plan(organization), { correlationId: scope.correlationId });
        } catch (error) {
          if (!(error instanceof SynchronousStepsPending)) throw error;
          this.attempt = undefined;
          const failure = await bridge.runSynchronousSteps(error.notification);
          if (failure !== undefined) {
            const { status, code } = this.deps.synchronousFailure;
            throw new HttpError(status, code, failure.friendlyMessage);
          }
          approved.add(error.key);
        } finally {
          this.attempt = undefined;
        }
      }
    } finally {
      this.scopes.delete(scope.correlationId);
      if (ownsRun) runs.end();
    }
  }

  /** Sets a write aside at the first change whose synchronous steps have not run yet. */
  private guard(event: ChangeEvent): void {
    const attempt = this.attempt;
    // Writes made directly on the organization (tests, the seed) can't wait for HTTP: only async steps run for them.
    if (attempt === undefined) return;
    const key = `${attempt.index}:${event.message}:${event.table}:${event.id}`;
    attempt.index += 1;
    if (attempt.approved.has(key)) return;
    const notification = this.deps.bridge.synchronousNotification(event);
    if (notification !== undefined) throw new SynchronousStepsPending(key, notification);
  }
}
