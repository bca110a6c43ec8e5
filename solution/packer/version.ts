/**
 * The solution's version. Dataverse versions have four whole numbers, major.minor.build.revision (solution.xml
 * `Version`); the project's package.json has a semantic version. major.minor.patch becomes major.minor.patch.0, and
 * build metadata holding a number becomes the revision (1.2.3+45 → 1.2.3.45), so CI can number builds of one release.
 * A pre-release (1.2.3-rc.1) is refused: every 4-part rendering of it would sort after the release it precedes.
 */

const maxPart = 2_147_483_647;
const fourParts = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/;

/** Whether the text is a Dataverse version: four whole numbers within Dataverse's range. */
export function isDataverseVersion(text: string): boolean {
  const match = fourParts.exec(text);
  return match?.slice(1).every((part) => Number(part) <= maxPart && !/^0\d/.test(part)) ?? false;
}

/** The Dataverse version of a package.json version; throws with what to change when there is none. */
export function dataverseVersionOf(packageVersion: string): string {
  const match = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+([0-9A-Za-z.-]+))?$/.exec(packageVersion.trim());
  if (match === null) {
    throw new Error(
      `package.json's version '${packageVersion}' is not a semantic version (major.minor.patch). Fix it, or pass a ` +
        "Dataverse version (e.g. --version 1.2.3.4).",
    );
  }
  const [, major, minor, patch, preRelease, build] = match;
  if (preRelease !== undefined) {
    throw new Error(
      `package.json's version '${packageVersion}' is a pre-release. Dataverse versions can't sort it before its ` +
        "release: pack a release version, or pass a Dataverse version (e.g. --version 1.2.3.4).",
    );
  }
  if (build !== undefined && !/^\d+$/.test(build)) {
    throw new Error(
      `package.json's version '${packageVersion}' has build metadata '${build}'; only a number (the revision) can ` +
        "become part of a Dataverse version.",
    );
  }
  const version = `${Number(major)}.${Number(minor)}.${Number(patch)}.${Number(build ?? 0)}`;
  if (!isDataverseVersion(version)) {
    throw new Error(`The version ${version} has a part above ${maxPart}, the largest Dataverse accepts.`);
  }
  return version;
}

/** The version as Dataverse writes it in exported file names: 1.2.3.4 → 1_2_3_4. */
export function versionInFileName(version: string): string {
  return version.replaceAll(".", "_");
}
