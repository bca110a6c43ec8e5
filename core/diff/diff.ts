/**
 * The smallest set of changed mapped fields between two readings of a deal, and the three-way reconciliation that
 * decides which side each change goes to. Comparisons ignore formatting (see mapping/values.ts).
 */
import {
  type DealFields,
  type FieldMapping,
  type FieldMappingEntry,
  type MappedField,
  flowsToDataverse,
  flowsToPartnerCenter,
} from "../mapping/fields";
import { sameValue } from "../mapping/values";

export interface FieldChange<F extends MappedField = MappedField> {
  field: F;
  from: DealFields[F];
  to: DealFields[F];
}

/** Fields whose values differ between `from` and `to`, in mapping order. */
export function diffDeals(
  from: DealFields,
  to: DealFields,
  mapping: FieldMapping,
  include: (entry: FieldMappingEntry) => boolean = () => true,
): FieldChange[] {
  return Object.values(mapping)
    .filter((entry) => include(entry) && !sameValue(entry.kind, from[entry.field], to[entry.field]))
    .map((entry) => ({ field: entry.field, from: from[entry.field], to: to[entry.field] }));
}

/** `deal` with the changes applied; applying diffDeals(a, b) to a gives b on every mapped field. */
export function applyChanges(deal: DealFields, changes: readonly FieldChange[]): DealFields {
  const result: Record<string, unknown> = { ...deal };
  for (const change of changes) result[change.field] = change.to;
  return result as unknown as DealFields;
}

export interface FieldConflict {
  field: MappedField;
  dataverse: unknown;
  partnerCenter: unknown;
  /** The side whose value is kept. */
  winner: "dataverse" | "partnerCenter";
}

export interface Reconciliation {
  /** Changes to write to Partner Center (from: its current value, to: Dynamics' value). */
  toPartnerCenter: FieldChange[];
  /** Changes to write to Dataverse (from: its current value, to: Partner Center's value). */
  toDataverse: FieldChange[];
  conflicts: FieldConflict[];
}

export interface DealReadings {
  /** What both sides held after the last successful sync, or null before the first one. */
  base: DealFields | null;
  dataverse: DealFields;
  partnerCenter: DealFields;
}

/**
 * Three-way merge per field: a field changed on one side since the base flows to the other side (where the mapping
 * lets it); a field changed on both sides goes to its owner, or to the other side when the owner's value can't flow.
 * Without a base every difference counts as changed on both sides.
 */
export function reconcile({ base, dataverse, partnerCenter }: DealReadings, mapping: FieldMapping): Reconciliation {
  const result: Reconciliation = { toPartnerCenter: [], toDataverse: [], conflicts: [] };
  for (const entry of Object.values(mapping)) {
    const { field, kind } = entry;
    const dataverseValue = dataverse[field];
    const partnerCenterValue = partnerCenter[field];
    if (sameValue(kind, dataverseValue, partnerCenterValue)) continue;

    const changedInDataverse = base === null || !sameValue(kind, base[field], dataverseValue);
    const changedInPartnerCenter = base === null || !sameValue(kind, base[field], partnerCenterValue);
    let winner: "dataverse" | "partnerCenter" | undefined;
    if (changedInDataverse && changedInPartnerCenter) {
      winner = pickWinner(entry);
      if (winner !== undefined)
        result.conflicts.push({ field, dataverse: dataverseValue, partnerCenter: partnerCenterValue, winner });
    } else if (changedInDataverse) {
      winner = flowsToPartnerCenter(entry) ? "dataverse" : undefined;
    } else if (changedInPartnerCenter) {
      winner = flowsToDataverse(entry) ? "partnerCenter" : undefined;
    }

    if (winner === "dataverse") {
      result.toPartnerCenter.push({ field, from: partnerCenterValue, to: dataverseValue });
    } else if (winner === "partnerCenter") {
      result.toDataverse.push({ field, from: dataverseValue, to: partnerCenterValue });
    }
  }
  return result;
}

function pickWinner(entry: FieldMappingEntry): "dataverse" | "partnerCenter" | undefined {
  const canFlow = { dataverse: flowsToPartnerCenter(entry), partnerCenter: flowsToDataverse(entry) };
  if (canFlow[entry.owner]) return entry.owner;
  const other = entry.owner === "dataverse" ? "partnerCenter" : "dataverse";
  return canFlow[other] ? other : undefined;
}
