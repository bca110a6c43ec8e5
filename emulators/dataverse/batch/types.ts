/**
 * The shapes of an OData `$batch` (dataverse.md §4.3) as this module reads, runs and answers it. They know nothing of
 * tables: the HTTP layer routes each inner request exactly as it would route the same request sent on its own.
 */

/** Header names in lower case (as node:http gives them); a repeated header's values are joined with ", ". */
export type InnerHeaders = Readonly<Record<string, string>>;

/**
 * Where an inner request's URL points once `$n` references are set aside: either a host-relative request target, or
 * "the entity created by the request with this Content-ID" plus what follows it (`/navigation`, `?$select=...`).
 */
export type OperationDestination =
  | { readonly kind: "target"; readonly target: string }
  | { readonly kind: "reference"; readonly contentId: string; readonly suffix: string };

/** One inner request of a batch, as parsed; `$n` references are still unresolved. */
export interface BatchOperation {
  /** Upper-case method, e.g. "PATCH". */
  readonly method: string;
  /** The URL exactly as written on the request line. */
  readonly url: string;
  readonly destination: OperationDestination;
  readonly headers: InnerHeaders;
  /** The body as UTF-8 text, byte for byte as sent ("" when there is none). */
  readonly body: string;
  /** The part's `Content-ID`, when it has one. */
  readonly contentId?: string;
  /** "part 3" for a top-level request, "part 3.2" for the second request of the change set in part 3. */
  readonly location: string;
}

/** A top-level part of a batch: a lone request, or an atomic change set of write requests. */
export type BatchItem =
  | { readonly kind: "operation"; readonly operation: BatchOperation }
  | { readonly kind: "changeSet"; readonly location: string; readonly operations: readonly BatchOperation[] };

/** A parsed `$batch` body. */
export interface BatchRequest {
  readonly items: readonly BatchItem[];
  /** Every inner request, those inside change sets included (at most 1000, dataverse.md §4.3). */
  readonly requestCount: number;
}

/** What the HTTP layer's `execute` receives: one inner request, its `$n` reference already resolved. */
export interface InnerRequest {
  readonly method: string;
  /** Host-relative request target with its query, e.g. "/api/data/v9.2/accounts(…)/contact_customer_accounts". */
  readonly target: string;
  /** The URL exactly as written in the batch, e.g. "$1/contact_customer_accounts". */
  readonly url: string;
  readonly headers: InnerHeaders;
  readonly body: string;
  readonly contentId?: string;
}

/** Where an inner request runs, for logs and error messages. */
export interface ExecutionContext {
  /** "part 3" or "part 3.2", as in {@link BatchOperation.location}. */
  readonly location: string;
  readonly inChangeSet: boolean;
}

/** An inner response. Header names are written as given; the body is the text to send ("" for none). */
export interface InnerResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** An inner response and the Content-ID of the request it answers, echoed in the batch response. */
export interface OperationResponse {
  readonly response: InnerResponse;
  readonly contentId?: string;
}

/** A top-level part of the batch response: one response, or the responses of a change set that committed. */
export type BatchResponseItem =
  | ({ readonly kind: "operation" } & OperationResponse)
  | { readonly kind: "changeSet"; readonly responses: readonly OperationResponse[] };

/** What the HTTP layer lends the executor. */
export interface BatchHandlers {
  /**
   * Runs one inner request. A failure is either returned (status ≥ 400) or thrown as an HttpError, which becomes an
   * OData error response; any other error is a bug and propagates out of {@link executeBatch}.
   */
  execute(request: InnerRequest, context: ExecutionContext): Promise<InnerResponse>;
  /** Runs `work` atomically: keeps its changes when it resolves, undoes them all when it rejects. */
  transaction<T>(work: () => Promise<T>): Promise<T>;
}
