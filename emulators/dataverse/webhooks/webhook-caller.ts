/**
 * Calls the webhooks registered for a change (dataverse.md §3.2–§3.4). Synchronous steps run one after another, in
 * rank order, before the operation commits; the first failure stops them and is returned so the Web API can fail the
 * operation. Asynchronous steps run after the commit, in rank order, without blocking the caller, each as a system
 * job reported to `onAsyncOperation`. Depth and CorrelationId pass through unchanged (§3.5).
 */
import { asyncOperationRecord, type AsyncJob, type AsyncOperationRecord } from "./async-operations";
import { resolveCallerOptions, type CallerSettings, type WebhookCallerOptions } from "./caller-options";
import type { ChangeNotification } from "./change-notification";
import { urlWithoutQuery } from "./endpoint-auth";
import { InFlightWork } from "./in-flight";
import {
  StepMode,
  type ServiceEndpointRegistration,
  type StepRegistration,
  type WebhookRegistrations,
} from "./registrations";
import { selectWebhookSteps, type WebhookStep } from "./step-selection";
import {
  describeCallFailure,
  describeConfigurationFailure,
  type FailureContext,
  type StepFailure,
} from "./step-outcome";
import { postWebhook } from "./webhook-post";
import { buildWebhookRequest } from "./webhook-request";

/** The synchronous steps all succeeded (`called` of them), or the first failure. */
export type SynchronousStepsResult =
  { readonly ok: true; readonly called: number } | { readonly ok: false; readonly failure: StepFailure };

/** How one step call ended. */
interface StepCallResult {
  readonly attempts: number;
  readonly failure?: StepFailure;
}

/** Sends webhook requests for changes; see the module comment. */
export class WebhookCaller {
  private readonly settings: CallerSettings;
  private readonly closing = new AbortController();
  private readonly inFlight = new InFlightWork();
  private backgroundError: Error | undefined;

  constructor(options: WebhookCallerOptions = {}) {
    this.settings = resolveCallerOptions(options);
  }

  /** Calls the synchronous steps for `notification`; call it before committing the operation. */
  async runSynchronousSteps(
    notification: ChangeNotification,
    registrations: WebhookRegistrations,
  ): Promise<SynchronousStepsResult> {
    this.assertOpen();
    let called = 0;
    for (const { step, endpoint } of selectWebhookSteps(notification, registrations, StepMode.Synchronous)) {
      const result = await this.inFlight.track(this.callStep(notification, step, endpoint, undefined));
      called += 1;
      if (result.failure !== undefined) return { ok: false, failure: result.failure };
    }
    return { ok: true, called };
  }

  /** Queues the asynchronous steps for `notification`; call it after the commit. Returns the system job ids. */
  startAsynchronousSteps(notification: ChangeNotification, registrations: WebhookRegistrations): readonly string[] {
    this.assertOpen();
    const createdon = this.settings.clock.now();
    const jobs = selectWebhookSteps(notification, registrations, StepMode.Asynchronous).map(({ step, endpoint }) => ({
      asyncoperationid: this.settings.ids(),
      step,
      endpoint,
      createdon,
    }));
    if (jobs.length > 0) {
      void this.inFlight.track(
        this.runJobs(notification, jobs).catch((error: unknown) => {
          this.keep(error);
        }),
      );
    }
    return jobs.map((job) => job.asyncoperationid);
  }

  /** Synchronous steps, then `commit` (skipped when one failed), then the asynchronous steps. */
  async dispatch(
    notification: ChangeNotification,
    registrations: WebhookRegistrations,
    commit?: () => void | Promise<void>,
  ): Promise<SynchronousStepsResult> {
    const result = await this.runSynchronousSteps(notification, registrations);
    if (!result.ok) return result;
    await commit?.();
    this.startAsynchronousSteps(notification, registrations);
    return result;
  }

  /** Resolves when no call is under way; rethrows the first error of background work (e.g. `onAsyncOperation`). */
  async idle(): Promise<void> {
    await this.inFlight.idle();
    const error = this.backgroundError;
    this.backgroundError = undefined;
    if (error !== undefined) throw error;
  }

  /** Aborts calls under way (nothing is recorded for them) and refuses new ones. */
  async close(): Promise<void> {
    this.closing.abort();
    await this.inFlight.idle();
  }

  private assertOpen(): void {
    if (this.closing.signal.aborted) throw new Error("the webhook caller is closed");
  }

  private async runJobs(notification: ChangeNotification, jobs: readonly (AsyncJob & WebhookStep)[]): Promise<void> {
    // Let the caller finish its own work (answer its request) before the first POST goes out.
    await Promise.resolve();
    for (const job of jobs) {
      if (this.closing.signal.aborted) return;
      const startedon = this.settings.clock.now();
      const result = await this.callStep(notification, job.step, job.endpoint, job.asyncoperationid);
      if (result.failure?.reason === "closed") return;
      if (result.failure === undefined && job.step.asyncautodelete) continue;
      const completedon = this.settings.clock.now();
      this.report(asyncOperationRecord(job, notification, { startedon, completedon }, result));
    }
  }

  private report(record: AsyncOperationRecord): void {
    try {
      this.settings.onAsyncOperation(record);
    } catch (error) {
      this.keep(error);
    }
  }

  /** Keeps the first error of background work for the next `idle()`. */
  private keep(error: unknown): void {
    this.backgroundError ??= error instanceof Error ? error : new Error(String(error));
  }

  private async callStep(
    notification: ChangeNotification,
    step: StepRegistration,
    endpoint: ServiceEndpointRegistration,
    operationId: string | undefined,
  ): Promise<StepCallResult> {
    const { settings } = this;
    const failureContext: FailureContext = {
      stepId: step.sdkmessageprocessingstepid,
      stepName: step.name,
      endpointName: endpoint.name,
      safeUrl: urlWithoutQuery(endpoint.url),
      timeoutMs: settings.timeoutMs,
      errorCode: settings.failureErrorCode,
      secrets: endpoint.authvalue === null ? [] : [endpoint.authvalue],
    };
    let request;
    try {
      request = buildWebhookRequest(notification, step, endpoint, {
        context: operationId === undefined ? settings.context : { ...settings.context, operationId },
        maxBodyBytes: settings.maxBodyBytes,
        sizeExceededHeaderValue: settings.sizeExceededHeaderValue,
      });
    } catch (error) {
      const reason = error instanceof Error ? error : new Error(String(error));
      return { attempts: 0, failure: describeConfigurationFailure(reason, failureContext) };
    }
    const outcome = await postWebhook(request, {
      fetch: settings.fetch,
      timeoutMs: settings.timeoutMs,
      retryDelayMs: settings.retryDelayMs,
      requestIds: settings.ids,
      closing: this.closing.signal,
    });
    const failure = describeCallFailure(outcome, {
      ...failureContext,
      secrets: [...failureContext.secrets, ...request.secrets],
    });
    return failure === undefined ? { attempts: outcome.attempts.length } : { attempts: failure.attempts, failure };
  }
}
