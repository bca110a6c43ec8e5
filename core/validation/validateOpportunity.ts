import type { FieldMapping } from "../mapping/fields";
import type { OpportunitySnapshot } from "../mapping/snapshot";
import { toReferralCreate } from "../mapping/toReferral";
import { type ValidationContext, type ValidationProblem, validateReferralForCreate } from "./validateReferral";

/** The problems Partner Center would find in the referral this opportunity would become. */
export function validateOpportunityForSync(
  snapshot: OpportunitySnapshot,
  mapping: FieldMapping,
  context: ValidationContext,
): ValidationProblem[] {
  return validateReferralForCreate(toReferralCreate(snapshot, mapping), context);
}
