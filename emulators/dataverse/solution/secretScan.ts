/**
 * Refuses secrets inside customizations.xml. A service endpoint's auth value (the webhook key, the header or query
 * values) "cannot be retrieved" from Dataverse (shared/reference/dataverse.md §3.1), so a real export never contains
 * it, and shared/DESIGN.md forbids secrets in solution files. A zip that carries one was edited or built wrongly; the
 * key in it must be treated as exposed.
 */
import type { ReadContext } from "./elementReader";
import { elementsOf, textOf, type XmlElement } from "./xmlElement";

/** Element or attribute names (lowercase) that hold a service endpoint secret. */
const secretNames = new Set(["authvalue", "saskey", "sastoken"]);

function secretIn(element: XmlElement): string | undefined {
  if (secretNames.has(element.name.toLowerCase()) && textOf(element) !== "") return element.name;
  return Object.entries(element.attributes).find(
    ([name, value]) => secretNames.has(name.toLowerCase()) && value.trim() !== "",
  )?.[0];
}

function walk(element: XmlElement, owner: string, context: ReadContext): void {
  const here =
    element.name === "ServiceEndpoint" ? `the service endpoint '${element.attributes.Name ?? "(unnamed)"}'` : owner;
  const secret = secretIn(element);
  if (secret !== undefined) {
    context.findings.problem(
      "SecretInSolution",
      context.part,
      `${here.charAt(0).toUpperCase()}${here.slice(1)} carries a secret in ${secret}. Secrets must never travel in a ` +
        `solution: remove ${secret} from customizations.xml, import the solution, then set the key on the endpoint ` +
        "in the target environment. Consider the key exposed and replace it.",
    );
  }
  for (const child of elementsOf(element)) walk(child, here, context);
}

/** Records a "SecretInSolution" problem for every non-empty secret found anywhere in customizations.xml. */
export function scanForSecrets(customizations: XmlElement, context: ReadContext): void {
  walk(customizations, "customizations.xml", context);
}
