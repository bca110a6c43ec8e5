// The public surface of the local Partner Center's state and rules; the HTTP routes and the demo import from here.
export { EmulatorState } from "./emulatorState";
export { errorSource, PartnerCenterError, type FieldProblem, type PartnerCenterErrorBody } from "./errors";
export type { PartnerCenterErrorCode } from "./errors";
export type { ReferralEvent, ReferralEventListener, ReferralEventName } from "./events";
export type { InboundReferralRequest } from "./inboundReferral";
export type { ListQuery, ReferralPage } from "./listing";
export { sortableProperties } from "./listing";
export type { CloseOptions, DealUpdate, InboundReferral, MicrosoftSeller } from "./microsoftSeller";
export {
  defaultApiBaseUrl,
  defaultPartner,
  microsoftOrganization,
  type EmulatorOptions,
  type PartnerOrganization,
  type StaleEtagStatus,
} from "./options";
export { isMicrosoftSide, serverOwnedFields } from "./referralRecord";
export type { CreateReferralOptions, ReferralStore } from "./referralStore";
export { parseSnapshot, SnapshotError, snapshotVersion, writeSnapshotFile, type EmulatorSnapshot } from "./snapshot";
export { solutionIdPattern, type PartnerSolution, type SolutionCatalogue } from "./solutions";
