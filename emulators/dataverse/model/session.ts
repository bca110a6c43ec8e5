/**
 * The organization as one user sees it: every write is made as that user (createdby, modifiedby, owner of new rows,
 * the event's actor). The HTTP layer gets one from the caller's token, e.g. `actAs(applicationUserId(clientId))`.
 */
import type { DataverseOrganization } from "./organization";
import type { CloseOpportunityResult } from "./records/closeOpportunity";
import type { DeleteOptions, UpdateOptions, WriteContext, WriteResult } from "./records/writer";
import type { RecordPage, RecordQuery, RetrieveOptions } from "./query/queryEngine";
import type { ODataRow } from "./query/serialize";

/** A write context without the actor, which the session supplies. */
export type SessionContext = Omit<WriteContext, "actor">;

export class OrganizationSession {
  constructor(
    private readonly organization: DataverseOrganization,
    /** systemuserid of the user this session acts as. */
    readonly userId: string,
  ) {}

  create(table: string, body: unknown, context: SessionContext = {}): WriteResult {
    return this.organization.create(table, body, { ...context, actor: this.userId });
  }

  update(table: string, id: string, body: unknown, options: Omit<UpdateOptions, "actor"> = {}): WriteResult {
    return this.organization.update(table, id, body, { ...options, actor: this.userId });
  }

  delete(table: string, id: string, options: Omit<DeleteOptions, "actor"> = {}): void {
    this.organization.delete(table, id, { ...options, actor: this.userId });
  }

  winOpportunity(request: unknown, context: SessionContext = {}): CloseOpportunityResult {
    return this.organization.winOpportunity(request, { ...context, actor: this.userId });
  }

  loseOpportunity(request: unknown, context: SessionContext = {}): CloseOpportunityResult {
    return this.organization.loseOpportunity(request, { ...context, actor: this.userId });
  }

  retrieve(table: string, id: string, options: RetrieveOptions = {}): ODataRow {
    return this.organization.retrieve(table, id, options);
  }

  retrieveMultiple(table: string, query: RecordQuery = {}): RecordPage {
    return this.organization.retrieveMultiple(table, query);
  }
}
