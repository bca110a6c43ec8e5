/**
 * server/deploy: `cosell-bridge deploy`, the staged roll-out of the solution to an environment (profile, zips,
 * production gate, import, environment variable values, Dataverse webhook, smoke test, record).
 */
export { runDeploy, type DeployOptions } from "./runDeploy";
export { DeployError, deployRefusals, type DeployRefusalCode } from "./deployError";
export { loadProfile, defaultEnvironmentsDir, type DeployProfile } from "./profile";
export { readRecord, type DeploymentEntry } from "./deploymentRecord";
export { SMOKE_TEST_PREFIX } from "./smokeRecords";
