/**
 * Every way `cosell-bridge deploy` can stop, with what the admin should do next, in one place: the command prints
 * the problem and then the advice, docs/admin-guide.md has a row per code (a test keeps the two in step), and the
 * deployment record stores the code of a failed step.
 */

export interface DeployRefusal {
  /** When it happens, for the admin guide. */
  readonly when: string;
  /** What to do next. */
  readonly whatToDo: string;
}

const refusal = (when: string, whatToDo: string): DeployRefusal => ({ when, whatToDo });

export const deployRefusals = {
  profileMissing: refusal(
    "There is no profile deploy/environments/<name>.json for the --env given.",
    "Create the profile (copy deploy/environments/staging.json) or check the name and --environments.",
  ),
  profileInvalid: refusal(
    "The environment profile is not valid JSON or has a bad, missing or unknown key.",
    "Fix each key named in the messages; secrets never go in the profile, only the names of the variables holding them.",
  ),
  secretMissing: refusal(
    "An environment variable the profile names (client secret, webhook key) is not set in this shell.",
    "Set the variable named in the message (from your secret store) and run deploy again.",
  ),
  packageMissing: refusal(
    "The solution zips of the version to deploy are not in the package folder.",
    "Build them with `node scripts/build-solution.mjs` (add --version a.b.c.d for another version) or pass --packages.",
  ),
  packageCorrupt: refusal(
    "A solution zip can't be read, or its solution.xml doesn't describe the CoSellBridge solution it is named after.",
    "Build the zips again with `node scripts/build-solution.mjs`; never edit or re-zip them by hand.",
  ),
  notStaged: refusal(
    "A production deploy of a version that has no passed run in the staging environment's deployment record.",
    "Deploy the same build to staging first (`cosell-bridge deploy --env staging`) and let it pass, then deploy production.",
  ),
  stagedPackageDiffers: refusal(
    "The managed zip differs from the one staging passed with, although the version is the same.",
    "Deploy this build to staging again, or deploy the zip staging tested; every new build needs a new version.",
  ),
  recordUnreadable: refusal(
    "The deployment record (deploy/deployments.json by default) is not valid JSON or not a record.",
    "Restore the file from version control, or fix the JSON; deploy never overwrites a file it can't read.",
  ),
  downgrade: refusal(
    "The environment has a newer version of the solution than the one being deployed.",
    "Deploy a package with a higher version; to go back, build the old code with a new, higher version.",
  ),
  managedMismatch: refusal(
    "The environment has the solution unmanaged and the deploy brings it managed, or the other way round.",
    'Use the same kind as installed (profile key "package"), or uninstall the solution first (see Uninstall).',
  ),
  holdingSolutionPending: refusal(
    "An earlier upgrade left a holding solution (CoSellBridge_Upgrade) of another version in the environment.",
    "In Power Apps > Solutions, apply that upgrade or delete CoSellBridge_Upgrade, then run deploy again.",
  ),
  importFailed: refusal(
    "Dataverse refused the solution import; its message says why (missing dependency, conflict, permission).",
    "Fix what Dataverse names, then run deploy again; the import history in Power Apps > Solutions has the details.",
  ),
  importTimedOut: refusal(
    "The import did not finish within the profile's importTimeoutMinutes.",
    "Check the system job in Power Apps (Solutions > See history); run deploy again once it has finished or failed.",
  ),
  upgradeFailed: refusal(
    "Applying the upgrade (DeleteAndPromote of the holding solution) failed.",
    "Fix what Dataverse names, then run deploy again: it finds the holding solution and applies the upgrade again.",
  ),
  pacFailed: refusal(
    "`pac solution import` (used because pac is on the PATH) ended with an error.",
    "Read pac's output above; check `pac auth list` has a profile for the environment, or run deploy with --no-pac.",
  ),
  variableUndefined: refusal(
    "The profile sets an environment variable whose definition is not in the environment.",
    "Check that the solution was imported; a name outside the solution's csb_ variables is refused by the profile check.",
  ),
  dataverseUnavailable: refusal(
    "Dataverse refused the deploy identity or a call failed (sign-in, permission, throttling, network).",
    "Read the message: check the profile's tenantId, clientId and the secret, and that the deploy app's application " +
      "user has the System Administrator role (importing and registering webhooks need it); then run deploy again.",
  ),
  serviceUnreachable: refusal(
    "The sync service at the profile's service.url did not answer, or answered that it is not ready.",
    "Start the service (`cosell-bridge serve`) or fix service.url; `cosell-bridge config check` on the service host " +
      "names a bad setting. Run deploy again: finished steps are skipped.",
  ),
  smokeTestNotSyncable: refusal(
    "The smoke test can't run: the environment lacks the currency it uses, or csb_SyncCoSellOnly is yes.",
    "Set smokeTest.currency to a currency the environment has, or csb_SyncCoSellOnly to no, as the message says.",
  ),
  smokeTestFailed: refusal(
    "The service marked the smoke-test opportunity as Error; the message carries the service's what-to-do.",
    "Fix what the message names (see the sync errors table), then run deploy again.",
  ),
  smokeTestTimedOut: refusal(
    "The service did not sync the smoke-test opportunity (or its closing) within smokeTest.timeoutSeconds.",
    "Check the service's log and `cosell-bridge status`, and that the Dataverse webhook reaches service.url; then " +
      "run deploy again (it cleans up the old test records first).",
  ),
} as const satisfies Record<string, DeployRefusal>;

export type DeployRefusalCode = keyof typeof deployRefusals;

/** A deploy that can't go on: the problem in plain words, and what to do from the catalogue. */
export class DeployError extends Error {
  override readonly name = "DeployError";
  readonly whatToDo: string;

  constructor(
    readonly code: DeployRefusalCode,
    problem: string,
    options: { readonly whatToDo?: string; readonly cause?: unknown } = {},
  ) {
    super(problem, options.cause === undefined ? {} : { cause: options.cause });
    this.whatToDo = options.whatToDo ?? deployRefusals[code].whatToDo;
  }
}
