/**
 * What the demo runs from out/: the CoSellPanel bundle (the form), the web resources (the list's checkmark and the
 * form scripts; the host checks each of them) and the solution zips (imported into Dataverse). All of them come from
 * `npm run build`.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { newestPackagedVersion } from "../../server/deploy/solutionPackage";
import { gridHandlers } from "../../solution/definition/handlers";
import { DemoStartError } from "./demoError";

export interface BuiltArtifacts {
  /** out/, where the solution zips are. */
  readonly outDir: string;
  /** The newest version with both zips, e.g. 0.1.0.0. */
  readonly solutionVersion: string;
}

/** @throws DemoStartError saying to run `npm run build` when a part is missing. */
export function findBuiltArtifacts(repositoryRoot: string): BuiltArtifacts {
  const outDir = join(repositoryRoot, "out");
  const webResourcesDir = join(outDir, "webresources");
  const required = [
    ["the CoSellPanel control", join(outDir, "controls/CoSellPanel/bundle.js")],
    ["the web resources", join(webResourcesDir, gridHandlers.checkmarkIcon.library)],
  ] as const;
  for (const [what, path] of required) {
    if (!existsSync(path)) throw notBuilt(`${what} is not built (${path} is missing)`);
  }
  const solutionVersion = newestPackagedVersion(outDir);
  if (solutionVersion === null) throw notBuilt(`the solution is not packed (${outDir} has no CoSellBridge zips)`);
  return { outDir, solutionVersion };
}

function notBuilt(what: string): DemoStartError {
  return new DemoStartError(
    `The demo runs the built parts, but ${what}.`,
    "Run `npm run build` (about 2 minutes), then start again; `npm start` builds by itself when out/ is stale.",
  );
}
