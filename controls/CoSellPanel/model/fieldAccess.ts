/**
 * What the user may do with a bound field: field security can hide a column (readable false, shown as "***") or make
 * it read-only (editable false), and a disabled form (inactive record, no write privilege) makes everything read-only.
 */
import type { BoundField } from "./inputs";

export type FieldAccess = "editable" | "readOnly" | "masked";

export function accessOf(field: BoundField<unknown>, formDisabled: boolean): FieldAccess {
  if (!field.readable) return "masked";
  return field.editable && !formDisabled ? "editable" : "readOnly";
}

/** What a masked field shows instead of its value. */
export const maskedText = "***";
