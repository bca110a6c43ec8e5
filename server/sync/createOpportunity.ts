/**
 * A referral with no opportunity yet becomes one, with core's toOpportunityCreate: its account found by name and
 * postal code or created, its customer contact created, its currency bound by ISO code, and the referral id, link and
 * Sync = Yes on the row. A referral already closed when it first reaches Dynamics is left alone, as the original
 * connector skipped closed referrals (original-connector.md, FLOW19), so a backfill doesn't bring back dead deals.
 */
import {
  SyncStatus,
  isTerminal,
  opportunityTable,
  readOpportunity,
  readReferral,
  toOpportunityCreate,
  type FieldMapping,
} from "../../core";
import { formatAuditLine } from "./audit";
import { customerBindings, provideCustomer } from "./customers";
import type { EngineCore } from "./engineCore";
import { agreedFields, linkAfterReferral } from "./linkState";
import type { VersionedReferral } from "./ports";
import type { FailureSite, JobOutcome } from "./runJob";
import type { SyncScope } from "./scope";

const columns = opportunityTable.cosellColumns;

export async function createOpportunity(
  core: EngineCore,
  scope: SyncScope,
  site: FailureSite,
  referral: VersionedReferral,
  mapping: FieldMapping,
): Promise<JobOutcome> {
  const { value } = referral;
  if (isTerminal(value)) {
    return {
      outcome: "skipped",
      summary: `Referral ${value.id} is ${value.status}/${value.substatus}: closed before it reached Dynamics.`,
    };
  }
  const changes = toOpportunityCreate(value, mapping, optionalTemplate(core.options.referralLinkTemplate));
  const fields = readReferral(value, mapping);
  const customer = await provideCustomer(scope, changes, fields);
  const accountWords =
    customer.accountId === null ? "no account" : customer.accountCreated ? "a new account" : "an existing account";
  const contactWords = customer.contactId === null ? "" : " and a new contact";
  const text = `Created from referral ${value.id} with ${accountWords}${contactWords}.`;
  const opportunityId = await scope.dataverse.createOpportunity(
    {
      ...changes.opportunity,
      ...customerBindings(customer.accountId, customer.contactId),
      [columns.syncStatus]: SyncStatus.Synced,
      [columns.lastSyncedOn]: scope.nowIso,
      [columns.audit]: formatAuditLine(scope.now, "toDataverse", text),
    },
    changes.currencyCode ?? null,
  );
  site.opportunityId = opportunityId;
  // Read back once, so the agreed deal is what Dynamics really holds (defaults, columns that don't flow here).
  const created = await scope.dataverse.readOpportunity(opportunityId);
  const dataverse = created === null ? fields : readOpportunity(created.snapshot, mapping);
  const base = agreedFields(null, dataverse, fields, mapping);
  await core.store.saveLink(linkAfterReferral(opportunityId, null, referral, base, scope.nowIso));
  return { outcome: "created", summary: text, opportunityId, referralId: value.id };
}

function optionalTemplate(template: string | undefined): { referralLinkTemplate?: string } {
  return template === undefined ? {} : { referralLinkTemplate: template };
}
