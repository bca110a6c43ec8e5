/**
 * solution.xml: the manifest with the solution's name, version, managed flag, publisher (prefix csb, option value
 * prefix) and one RootComponent per component (shared/reference/toolchain.md §4). Dataverse imports only what
 * RootComponents lists (an environment variable without one is skipped silently), so this list is built from the
 * same definitions as customizations.xml. Opportunity is a shell (behavior 2): only the parts listed come along.
 */
import { globalChoices } from "../definition/choices";
import { environmentVariableDefinitions } from "../definition/environmentVariables";
import { publisher, solution } from "../definition/identity";
import { opportunityForm } from "../definition/opportunityForm";
import { partnerCenterSolutionTable } from "../definition/partnerCenterSolutionTable";
import { securityRoles } from "../definition/securityRoles";
import { views } from "../definition/views";
import { webhookEndpoint, webhookSteps } from "../definition/webhook";
import { webResources } from "../definition/webResources";
import { braced, labelList } from "./labels";
import { element, textElement, xmlDocument, type XmlNode } from "./xmlNode";

/** Solution component type codes. */
export const componentTypes = {
  entity: 1,
  optionSet: 9,
  role: 20,
  savedQuery: 26,
  systemForm: 60,
  webResource: 61,
  customControl: 66,
  step: 92,
  serviceEndpoint: 95,
  environmentVariableDefinition: 380,
} as const;

/** How much of a table comes along: 0 the table with all its parts, 2 a shell with only the parts listed. */
const wholeTable = 0;
const tableShell = 2;

export interface ManifestOptions {
  readonly version: string;
  readonly managed: boolean;
  /** The PCF control's name (<prefix>_<namespace>.<constructor>). */
  readonly controlName: string;
  /** The table whose shell carries the new columns, form, view and command bar. */
  readonly extendedTable: string;
}

function byName(type: number, schemaName: string, behavior = wholeTable): XmlNode {
  return element("RootComponent", { type, schemaName, behavior });
}

function byId(type: number, id: string): XmlNode {
  return element("RootComponent", { type, id: braced(id), behavior: wholeTable });
}

function rootComponents(options: ManifestOptions): XmlNode[] {
  return [
    byName(componentTypes.entity, options.extendedTable, tableShell),
    byName(componentTypes.entity, partnerCenterSolutionTable.logicalName),
    ...globalChoices.map((choice) => byName(componentTypes.optionSet, choice.name)),
    ...securityRoles.map((role) => byId(componentTypes.role, role.id)),
    ...views.map((view) => byId(componentTypes.savedQuery, view.id)),
    byId(componentTypes.systemForm, opportunityForm.id),
    ...webResources.map((webResource) => byName(componentTypes.webResource, webResource.name)),
    byName(componentTypes.customControl, options.controlName),
    ...webhookSteps.map((step) => byId(componentTypes.step, step.id)),
    byId(componentTypes.serviceEndpoint, webhookEndpoint.id),
    ...environmentVariableDefinitions.map((variable) =>
      byName(componentTypes.environmentVariableDefinition, variable.schemaName),
    ),
  ];
}

export function solutionXml(options: ManifestOptions): string {
  return xmlDocument(
    element(
      "ImportExportXml",
      {
        version: "9.2.24012.196",
        SolutionPackageVersion: "9.2",
        languagecode: 1033,
        generatedBy: "CrmLive",
        "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
      },
      element(
        "SolutionManifest",
        {},
        textElement("UniqueName", solution.uniqueName),
        labelList("LocalizedNames", "LocalizedName", solution.displayName),
        labelList("Descriptions", "Description", solution.description),
        textElement("Version", options.version),
        textElement("Managed", options.managed ? "1" : "0"),
        element(
          "Publisher",
          {},
          textElement("UniqueName", publisher.uniqueName),
          labelList("LocalizedNames", "LocalizedName", publisher.displayName),
          labelList("Descriptions", "Description", publisher.description),
          element("EMailAddress", { "xsi:nil": true }),
          element("SupportingWebsiteUrl", { "xsi:nil": true }),
          textElement("CustomizationPrefix", publisher.prefix),
          textElement("CustomizationOptionValuePrefix", publisher.optionValuePrefix),
          element("Addresses"),
        ),
        element("RootComponents", {}, rootComponents(options)),
        element("MissingDependencies"),
      ),
    ),
  );
}
