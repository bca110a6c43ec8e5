/**
 * core: the Co-sell Bridge domain, pure TypeScript with no runtime dependencies and no DOM or Node globals, shared by
 * the control, the web resources, the sync service and the emulators.
 */
export * from "./referral/enums";
export type * from "./referral/model";
export * from "./referral/transitions";
export * from "./dataverse/schema";
export * from "./dataverse/options";
export * from "./dataverse/webhookColumns";
export * from "./reference-data/countries";
export * from "./reference-data/currencies";
export * from "./mapping/fields";
export * from "./mapping/defaultMapping";
export * from "./mapping/customizeMapping";
export type * from "./mapping/snapshot";
export * from "./mapping/values";
export * from "./mapping/outcome";
export * from "./mapping/helpCodes";
export * from "./mapping/solutionIds";
export * from "./mapping/readDeal";
export * from "./mapping/referralValues";
export * from "./mapping/toReferral";
export * from "./mapping/referralPatch";
export * from "./mapping/toDataverse";
export * from "./mapping/updates";
export * from "./diff/diff";
export * from "./dealType";
export * from "./validation/validateReferral";
export * from "./validation/validateOpportunity";
export { findOpportunityProblems, type FoundProblem } from "./validation/findProblems";
export type * from "./api/formApi";
