/**
 * A tiny transactional store behind the batch handlers: enough routing for creates, upserts, reads and deletes of
 * `/api/data/v9.2/<set>(<id>)`, a log of what ran, and snapshot rollback when a transaction's work rejects.
 */
import { HttpError } from "../../../../emulators/http";
import {
  executeBatch,
  parseBatchRequest,
  type BatchHandlers,
  type BatchResponseItem,
  type ExecutionContext,
  type InnerRequest,
  type InnerResponse,
} from "../../../../emulators/dataverse/batch";
import { batchBody, CONTENT_TYPE, type ItemSpec, ORG } from "./batch-bodies";

/** The id of the n-th row the organization creates, e.g. "aaaaaaaa-0000-4000-8000-000000000001". */
export function createdId(n: number): string {
  return `aaaaaaaa-0000-4000-8000-${String(n).padStart(12, "0")}`;
}

/** Parses a batch built from `items` and runs it against `organization`. */
export function runBatch(
  organization: FakeOrganization,
  items: readonly ItemSpec[],
  continueOnError = false,
): Promise<BatchResponseItem[]> {
  return executeBatch(parseBatchRequest(CONTENT_TYPE, batchBody(items)), organization.handlers, { continueOnError });
}

/** Each item's status, or its change set's statuses. */
export function statusesOf(items: readonly BatchResponseItem[]): (number | number[])[] {
  return items.map((item) =>
    item.kind === "operation" ? item.response.status : item.responses.map(({ response }) => response.status),
  );
}

export interface LoggedCall {
  readonly event: "start" | "end";
  readonly method: string;
  readonly target: string;
  readonly context: ExecutionContext;
}

const TARGET = /^\/api\/data\/v9\.2\/(\w+)(?:\(([^)]+)\))?(?:\/(\w+))?(?:\?.*)?$/;
const JSON_HEADERS = { "Content-Type": "application/json; odata.metadata=minimal", "OData-Version": "4.0" };

export class FakeOrganization {
  rows = new Map<string, Record<string, unknown>>();
  readonly calls: LoggedCall[] = [];
  readonly requests: InnerRequest[] = [];
  commits = 0;
  rollbacks = 0;
  /** When set, the next commit is refused with this error (a guard that runs at commit time). */
  refuseCommit: HttpError | undefined;
  private lastId = 0;

  readonly handlers: BatchHandlers = {
    execute: (request, context) => this.execute(request, context),
    transaction: (work) => this.transaction(work),
  };

  private async transaction<T>(work: () => Promise<T>): Promise<T> {
    const saved = new Map([...this.rows].map(([key, row]) => [key, { ...row }]));
    try {
      const result = await work();
      if (this.refuseCommit !== undefined) throw this.refuseCommit;
      this.commits += 1;
      return result;
    } catch (error) {
      this.rows = saved;
      this.rollbacks += 1;
      throw error;
    }
  }

  private async execute(request: InnerRequest, context: ExecutionContext): Promise<InnerResponse> {
    this.requests.push(request);
    this.calls.push({ event: "start", method: request.method, target: request.target, context });
    // A real store awaits I/O: later requests must still wait for earlier ones.
    await new Promise((resolve) => setTimeout(resolve, 10 - Math.min(this.calls.length, 9)));
    const response = this.route(request);
    this.calls.push({ event: "end", method: request.method, target: request.target, context });
    return response;
  }

  private route(request: InnerRequest): InnerResponse {
    const match = TARGET.exec(request.target);
    const [, set = "", id, navigation] = match ?? [];
    if (match === null)
      throw new HttpError(404, "0x8006088a", `Resource not found for the segment '${request.target}'.`);
    const key = `${set}(${id ?? ""})`;
    switch (request.method) {
      case "POST":
        return this.create(
          navigation ?? set,
          JSON.parse(request.body) as Record<string, unknown>,
          id === undefined ? undefined : key,
        );
      case "PATCH":
        if (!this.rows.has(key) && request.headers["if-match"] === "*") {
          const body = JSON.stringify({
            error: { code: "0x80040217", message: `${set} With Id = ${id ?? ""} Does Not Exist` },
          });
          return { status: 404, headers: JSON_HEADERS, body };
        }
        this.rows.set(key, { ...this.rows.get(key), ...(JSON.parse(request.body) as Record<string, unknown>) });
        return { status: 204, headers: { "OData-EntityId": `${ORG}/api/data/v9.2/${key}` }, body: "" };
      case "GET": {
        const row = this.rows.get(key);
        if (row === undefined) throw new HttpError(404, "0x80040217", `${set} With Id = ${id ?? ""} Does Not Exist`);
        return { status: 200, headers: JSON_HEADERS, body: JSON.stringify(row) };
      }
      case "DELETE":
        this.rows.delete(key);
        return { status: 204, headers: {}, body: "" };
      default:
        throw new HttpError(405, "MethodNotAllowed", `${request.method} is not supported.`);
    }
  }

  private create(set: string, row: Record<string, unknown>, parent: string | undefined): InnerResponse {
    this.lastId += 1;
    const key = `${set}(${createdId(this.lastId)})`;
    this.rows.set(key, parent === undefined ? row : { ...row, parent });
    return {
      status: 204,
      headers: { "OData-Version": "4.0", "OData-EntityId": `${ORG}/api/data/v9.2/${key}` },
      body: "",
    };
  }
}
