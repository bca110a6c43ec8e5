/**
 * The Xrm the form scripts get is the subset they use (demo/host/README.md lists it). Reading any other member is
 * reported on the console as an error naming it (once per member), so the browser tests fail when the web resources
 * start to depend on something Dynamics has but this demo does not implement, instead of passing on an undefined.
 */
import { guardMembers } from "../contractGuard";
import { reportError } from "../hostConsole";

const reported = new Set<string>();

export function reportXrmGap(member: string): void {
  if (reported.has(member)) return;
  reported.add(member);
  reportError(
    `The form scripts used ${member}, which this demo's Xrm does not implement. Implement it in demo/host/browser/xrm/ ` +
      "(and list it in demo/host/README.md), or keep the web resources to the Xrm subset listed there.",
  );
}

/** `target` as it is, except that reading a member it lacks is reported as `${path}.${member}`. */
export function guardXrm<T extends object>(target: T, path: string): T {
  return guardMembers(target, path, reportXrmGap);
}
