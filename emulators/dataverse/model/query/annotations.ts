/**
 * `Prefer: odata.include-annotations="..."` (dataverse.md §4.1): `*`, a list of annotation names, namespace
 * wildcards such as `Microsoft.Dynamics.CRM.*`, and `-name` to leave one out.
 */

/** Whether an annotation (e.g. `OData.Community.Display.V1.FormattedValue`) was asked for. */
export type AnnotationFilter = (annotation: string) => boolean;

export const formattedValueAnnotation = "OData.Community.Display.V1.FormattedValue";
export const lookupLogicalNameAnnotation = "Microsoft.Dynamics.CRM.lookuplogicalname";
export const navigationPropertyAnnotation = "Microsoft.Dynamics.CRM.associatednavigationproperty";

export const noAnnotations: AnnotationFilter = () => false;

/** The filter for the preference's value, quoted or not; no preference means no annotations. */
export function annotationFilter(preference: string | undefined): AnnotationFilter {
  if (preference === undefined) return noAnnotations;
  const terms = preference
    .replace(/^"(.*)"$/, "$1")
    .split(",")
    .map((term) => term.trim())
    .filter((term) => term !== "");
  const excluded = terms.filter((term) => term.startsWith("-")).map((term) => term.slice(1));
  const included = terms.filter((term) => !term.startsWith("-"));
  return (annotation) => matchesAny(included, annotation) && !matchesAny(excluded, annotation);
}

function matchesAny(patterns: readonly string[], annotation: string): boolean {
  return patterns.some((pattern) =>
    pattern.endsWith("*") ? annotation.startsWith(pattern.slice(0, -1)) : pattern === annotation,
  );
}
