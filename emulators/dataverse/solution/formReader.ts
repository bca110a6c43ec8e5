/**
 * Reads the forms of an `Entity` (CustomizationsSolution.xsd, SystemFormsType): `FormXml/forms[@type]/systemform`
 * with formid, LocalizedNames and the `form` definition, which the model keeps as XML text for the organization to
 * store as the form's formxml.
 */
import type { ElementReader } from "./elementReader";
import type { SolutionForm } from "./entityModel";
import { childNamed, childrenNamed, serializeElement, type XmlElement } from "./xmlElement";

function readSystemForm(entity: ElementReader, element: XmlElement, type: string): SolutionForm | undefined {
  const form = entity.child(element, `A ${type} form of ${entity.subject.replace(/^The /, "the ")}`);
  const id = form.guid("formid", "element");
  if (id === undefined) form.problem("has no valid <formid>. Give the form its GUID.");
  const definition = childNamed(element, "form");
  if (definition === undefined) form.problem("has no <form> definition. Add it.");
  const names = form.labels("LocalizedNames", "LocalizedName");
  if (names.length === 0) form.problem("has no <LocalizedNames> entry. Name the form.");
  if (id === undefined || definition === undefined) return undefined;
  return { id, type, names, formXml: serializeElement(definition) };
}

/** Every system form of the entity, in document order. */
export function readForms(entity: ElementReader): SolutionForm[] {
  const formXml = childNamed(entity.element, "FormXml");
  if (formXml === undefined) return [];
  return childrenNamed(formXml, "forms").flatMap((forms) => {
    const type = forms.attributes.type ?? "main";
    return childrenNamed(forms, "systemform").flatMap((systemForm) => readSystemForm(entity, systemForm, type) ?? []);
  });
}
