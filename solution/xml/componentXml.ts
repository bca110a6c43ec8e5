/**
 * The component sections of customizations.xml other than tables: global choices (`optionsets`), web resources
 * (each names its extension-less file under WebResources/, as exports store them: shared/reference/toolchain.md §4),
 * the PCF control (`CustomControls`, naming its ControlManifest.xml) and the security roles.
 */
import { derivedId } from "../definition/derivedIds";
import { baseLanguageCode, firstReleaseVersion } from "../definition/identity";
import {
  webResourceTypes,
  type ChoiceDefinition,
  type SecurityRoleDefinition,
  type WebResourceDefinition,
} from "../definition/model";
import { braced, label, labelList } from "./labels";
import { element, serializeElement, textElement, type XmlNode } from "./xmlNode";

/** A global choice. */
export function optionSetElement(choice: ChoiceDefinition): XmlNode {
  return element(
    "optionset",
    { Name: choice.name, localizedName: choice.displayName },
    textElement("OptionSetType", "picklist"),
    textElement("IsGlobal", "1"),
    textElement("IntroducedVersion", firstReleaseVersion),
    textElement("IsCustomizable", "1"),
    labelList("displaynames", "displayname", choice.displayName),
    labelList("Descriptions", "Description", choice.description),
    element(
      "options",
      {},
      choice.options.map((option) =>
        element("option", { value: option.value }, element("labels", {}, label("label", option.label))),
      ),
    ),
  );
}

/**
 * The zip entry of a web resource's file: exports store it without an extension, named after the web resource
 * without its punctuation, followed by its id.
 */
export function webResourceEntry(webResource: WebResourceDefinition): string {
  return `WebResources/${webResource.name.replace(/[^A-Za-z0-9_]/g, "")}${webResource.id.toUpperCase()}`;
}

export function webResourceElement(webResource: WebResourceDefinition): XmlNode {
  return element(
    "WebResource",
    {},
    textElement("WebResourceId", braced(webResource.id)),
    textElement("Name", webResource.name),
    textElement("DisplayName", webResource.displayName),
    textElement("Description", webResource.description),
    textElement("LanguageCode", webResource.languageCode ?? baseLanguageCode),
    textElement("WebResourceType", webResourceTypes[webResource.type]),
    textElement("IntroducedVersion", firstReleaseVersion),
    textElement("IsEnabledForMobileClient", "1"),
    textElement("IsAvailableForMobileOffline", "1"),
    ...(webResource.dependsOn === undefined
      ? []
      : [textElement("DependencyXml", dependencyXml(webResource, webResource.dependsOn))]),
    textElement("IsCustomizable", "1"),
    textElement("CanBeDeleted", "1"),
    textElement("IsHidden", "0"),
    textElement("FileName", `/${webResourceEntry(webResource)}`),
  );
}

/**
 * A web resource's dependencies as the platform stores them: XML carried as text in DependencyXml (the shape of
 * exported solutions; webresources/README.md, "Strings").
 */
function dependencyXml(owner: WebResourceDefinition, libraries: readonly WebResourceDefinition[]): string {
  const library = (dependency: WebResourceDefinition) =>
    serializeElement(
      element("Library", {
        name: dependency.name,
        displayName: dependency.displayName,
        languagecode: dependency.languageCode ?? baseLanguageCode,
        description: "",
        // Like a form library entry, a dependency has an id of its own, not the web resource's.
        libraryUniqueId: braced(derivedId(owner.id, `dependency:${dependency.name}`)),
      }),
    );
  return `<Dependencies><Dependency componentType="WebResource">${libraries.map(library).join("")}</Dependency></Dependencies>`;
}

/** The folder of a PCF control in the zip: Controls/<prefix>_<namespace>.<constructor>. */
export function controlFolder(controlName: string): string {
  return `Controls/${controlName}`;
}

export function customControlElement(controlName: string): XmlNode {
  return element(
    "CustomControl",
    {},
    textElement("Name", controlName),
    textElement("FileName", `/${controlFolder(controlName)}/ControlManifest.xml`),
  );
}

export function roleElement(role: SecurityRoleDefinition): XmlNode {
  return element(
    "Role",
    { id: braced(role.id), name: role.name },
    textElement("IsCustomizable", "1"),
    textElement("IntroducedVersion", firstReleaseVersion),
    element(
      "RolePrivileges",
      {},
      role.privileges.map((privilege) => element("RolePrivilege", { name: privilege.name, level: privilege.depth })),
    ),
  );
}
