/**
 * Holds the control to the contract: the host gives the context only the members the contract lists, and reading any
 * other one is reported on the console as an error (once per member), so the browser test's "no console errors" check
 * catches a control that starts depending on something Dynamics has but this host does not fake. The web resources'
 * Xrm is guarded the same way (xrm/xrmGuard.ts).
 */
import { reportError } from "./hostConsole";

/** Names that libraries probe on any object (promises, JSON, React, test matchers); not a use of the context. */
const PROBED_NAMES = new Set([
  "then",
  "toJSON",
  "$$typeof",
  "constructor",
  "nodeType",
  "@@iterator",
  "asymmetricMatch",
]);

const reported = new Set<string>();

export function reportContractBreach(member: string): void {
  if (reported.has(member)) return;
  reported.add(member);
  reportError(
    `CoSellPanel used ${member}, which the CoSellPanel contract does not list; this host does not provide it. ` +
      "Use only the context members of the contract, or change the contract and the host together.",
  );
}

/** `target` as it is, except that reading a member it lacks is reported as `${path}.${member}`. */
export function guardContract<T extends object>(target: T, path: string): T {
  return guardMembers(target, path, reportContractBreach);
}

/** `target` as it is, except that reading a member it lacks calls `report` with `${path}.${member}`. */
export function guardMembers<T extends object>(target: T, path: string, report: (member: string) => void): T {
  return new Proxy(target, {
    get(object, key, receiver) {
      if (typeof key === "string" && !(key in object) && !PROBED_NAMES.has(key)) report(`${path}.${key}`);
      return Reflect.get(object, key, receiver) as unknown;
    },
  });
}
