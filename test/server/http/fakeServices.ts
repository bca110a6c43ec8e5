/**
 * Small in-test implementations of the services the HTTP layer calls (server/http/services.ts). They record every
 * call, so each test can assert what reached the service (and that nothing did on a refusal), and they can be told
 * to fail. The real queue and engine are tested end to end elsewhere.
 */
import type {
  Caller,
  DependencyName,
  EnqueueResult,
  FormService,
  HttpServices,
  IntakeJob,
  IntakeQueue,
  IntegrationUsers,
  OperationsOverview,
  OperationsService,
  OpportunitySyncStatus,
  ProblemJob,
  QueueDepth,
  ReadinessProbe,
  RecentSync,
  ReferralDecisionResult,
} from "../../../server/http";
import { ServiceRefusal } from "../../../server/http";

/** A queue that coalesces by dedupeKey like the real one, and can be "down". */
export class RecordingQueue implements IntakeQueue {
  readonly jobs: IntakeJob[] = [];
  /** Calls that failed while down. */
  failedCalls = 0;
  /** How many of the next calls fail (as a database outage would). */
  failNext = 0;
  private readonly waiting = new Map<string, string>();
  private nextId = 1;

  enqueue(job: IntakeJob): Promise<EnqueueResult> {
    if (this.failNext > 0) {
      this.failNext -= 1;
      this.failedCalls += 1;
      return Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:5432"));
    }
    this.jobs.push(job);
    const waiting = this.waiting.get(job.dedupeKey);
    if (waiting !== undefined) return Promise.resolve({ id: waiting, coalesced: true });
    const id = `job-${this.nextId++}`;
    this.waiting.set(job.dedupeKey, id);
    return Promise.resolve({ id, coalesced: false });
  }

  /** The jobs are done: the next change of a record gets a new job. */
  drain(): void {
    this.waiting.clear();
  }
}

/** The integration user ids, or a failure while they are not known. */
export class FakeIntegrationUsers implements IntegrationUsers {
  known: readonly string[] | null;

  constructor(ids: readonly string[]) {
    this.known = ids;
  }

  ids(): Promise<readonly string[]> {
    return this.known === null ? Promise.reject(new Error("WhoAmI has not answered yet")) : Promise.resolve(this.known);
  }
}

/** One recorded call of the form service. */
export interface FormCall {
  readonly method: keyof FormService;
  readonly args: readonly unknown[];
}

/** Answers with canned data, or throws what `failWith` holds. */
export class RecordingFormService implements FormService {
  readonly calls: FormCall[] = [];
  failWith: Error | undefined = undefined;

  private record<T>(method: keyof FormService, args: readonly unknown[], answer: T): Promise<T> {
    this.calls.push({ method, args });
    return this.failWith === undefined ? Promise.resolve(answer) : Promise.reject(this.failWith);
  }

  status(opportunityId: string): Promise<OpportunitySyncStatus> {
    return this.record("status", [opportunityId], {
      opportunityId,
      status: "Synced",
      checkmark: true,
      awaitingAnswer: false,
      referralId: "5a5e8d95-8e8b-4b7b-a3c4-2d7f0b6f8e61",
      referralLink: "https://partner.microsoft.com/referrals/5a5e8d95-8e8b-4b7b-a3c4-2d7f0b6f8e61",
      lastSyncedAt: "2026-05-04T09:00:00.000Z",
      lastError: null,
      audit: [
        {
          at: "2026-05-04T09:00:00.000Z",
          text: "Updated the referral in Partner Center",
          line: "[2026-05-04 09:00:00 UTC] Dynamics → Partner Center: Updated the referral in Partner Center",
        },
        {
          at: "2026-05-04T08:00:00.000Z",
          text: "Created the referral in Partner Center",
          line: "[2026-05-04 08:00:00 UTC] Dynamics → Partner Center: Created the referral in Partner Center",
        },
      ],
      pending: [],
    });
  }

  syncNow(opportunityId: string, caller: Caller) {
    return this.record("syncNow", [opportunityId, caller], { jobId: "job-sync-1", coalesced: false });
  }

  validate(opportunityId: string) {
    return this.record("validate", [opportunityId], {
      opportunityId,
      valid: false,
      problems: [{ code: "customerNameMissing", field: "customerName", message: "Choose the customer account." }],
    });
  }

  accept(referralId: string, caller: Caller): Promise<ReferralDecisionResult> {
    return this.record("accept", [referralId, caller], {
      referralId,
      status: "Active",
      substatus: "Accepted",
      opportunityId: "6d81597f-0f9f-e711-8122-000d3aa2331c",
    });
  }

  decline(referralId: string, reason: string | null, caller: Caller): Promise<ReferralDecisionResult> {
    return this.record("decline", [referralId, reason, caller], {
      referralId,
      status: "Closed",
      substatus: "Declined",
      opportunityId: null,
    });
  }
}

/** Probes that pass unless replaced; a job list for the admin API. */
export class FakeOperations implements OperationsService {
  readonly retried: string[] = [];
  problemJobs: ProblemJob[] = [
    {
      id: "0b2a8a4e-3f6c-4f55-9f65-7c2a1d9e3b10",
      kind: "dataverse-opportunity",
      dedupeKey: "opportunity:6d81597f-0f9f-e711-8122-000d3aa2331c",
      reason: "Update of opportunity 6d81597f-0f9f-e711-8122-000d3aa2331c in Dataverse",
      attempts: 8,
      failedAt: "2026-05-04T09:00:00.000Z",
      lastError: "Partner Center answered 400: customerProfile.address.country is required",
      whatToDo: "Fill in the account's country, then press Sync now.",
    },
  ];
  depthResult: QueueDepth | Error = { queued: 3, running: 1, retrying: 2, failed: 1, oldestQueuedAt: null };
  readonly probeCalls: DependencyName[] = [];
  readonly readinessProbes: Record<DependencyName, ReadinessProbe> = {
    database: this.passingProbe("database"),
    dataverse: this.passingProbe("dataverse"),
    partnerCenter: this.passingProbe("partnerCenter"),
  };

  passingProbe(name: DependencyName): ReadinessProbe {
    return () => {
      this.probeCalls.push(name);
      return Promise.resolve();
    };
  }

  problems(options: { readonly limit: number }): Promise<readonly ProblemJob[]> {
    return Promise.resolve(this.problemJobs.slice(0, options.limit));
  }

  retry(jobId: string): Promise<{ readonly jobId: string }> {
    if (!this.problemJobs.some((job) => job.id === jobId)) {
      return Promise.reject(
        new ServiceRefusal("not-found", `there is no failed job ${jobId}`, "List the failed jobs."),
      );
    }
    this.retried.push(jobId);
    return Promise.resolve({ jobId });
  }

  retryAll(): Promise<{ readonly retried: number }> {
    this.retried.push(...this.problemJobs.map((job) => job.id));
    return Promise.resolve({ retried: this.problemJobs.length });
  }

  depth(): Promise<QueueDepth> {
    return this.depthResult instanceof Error ? Promise.reject(this.depthResult) : Promise.resolve(this.depthResult);
  }

  recentSyncs(): Promise<readonly RecentSync[]> {
    return Promise.resolve([]);
  }

  async overview(): Promise<OperationsOverview> {
    const at = "2026-05-04T09:00:00.000Z";
    const none = { created: 0, updated: 0, unchanged: 0, echo: 0, skipped: 0, invalid: 0, failed: 0 };
    const latencyMs = { count: 0, p50: null, p95: null, max: null };
    const recent = { window: 200, count: 0, oldestAt: null, newestAt: null, outcomes: none, latencyMs };
    return {
      generatedAt: at,
      startedAt: at,
      queue: await this.depth(),
      recent: { ...recent, directions: { toPartnerCenter: 0, toDataverse: 0 } },
    };
  }
}

/** A fresh set of recording services. */
export function fakeServices(integrationUserIds: readonly string[] = []): HttpServices & {
  readonly queue: RecordingQueue;
  readonly integrationUsers: FakeIntegrationUsers;
  readonly form: RecordingFormService;
  readonly operations: FakeOperations;
} {
  return {
    queue: new RecordingQueue(),
    integrationUsers: new FakeIntegrationUsers(integrationUserIds),
    form: new RecordingFormService(),
    operations: new FakeOperations(),
  };
}
