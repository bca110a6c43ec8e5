/**
 * customizations.xml: every component but the environment variables, its sections in the order of
 * CustomizationsSolution.xsd's ImportExportXml sequence (the schema refuses another order). Empty sections are
 * written as exports write them.
 */
import { globalChoices } from "../definition/choices";
import { commandBar } from "../definition/commandBar";
import { opportunityColumns } from "../definition/columns";
import { baseLanguageCode } from "../definition/identity";
import { opportunityForm } from "../definition/opportunityForm";
import { partnerCenterSolutionTable } from "../definition/partnerCenterSolutionTable";
import { securityRoles } from "../definition/securityRoles";
import { views } from "../definition/views";
import { webhookSteps } from "../definition/webhook";
import { webResources } from "../definition/webResources";
import { customControlElement, optionSetElement, roleElement, webResourceElement } from "./componentXml";
import { existingTableEntity, newTableEntity } from "./entityXml";
import type { FormContext } from "./formXml";
import { serviceEndpointElement, stepElement } from "./webhookXml";
import { element, textElement, xmlDocument } from "./xmlNode";

export interface CustomizationsOptions extends FormContext {
  /** The PCF control's name (<prefix>_<namespace>.<constructor>). */
  readonly controlName: string;
  /** The address the webhook endpoint calls. */
  readonly webhookUrl: string;
  /** The table the solution extends (opportunity), its schema and display names. */
  readonly extendedTable: { readonly logicalName: string; readonly schemaName: string; readonly displayName: string };
}

export function customizationsXml(options: CustomizationsOptions): string {
  const { extendedTable } = options;
  return xmlDocument(
    element(
      "ImportExportXml",
      { "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance" },
      element(
        "Entities",
        {},
        existingTableEntity(
          {
            schemaName: extendedTable.schemaName,
            displayName: extendedTable.displayName,
            columns: opportunityColumns,
            forms: [opportunityForm],
            views,
            commandBar,
          },
          options,
        ),
        newTableEntity(partnerCenterSolutionTable),
      ),
      element("Roles", {}, securityRoles.map(roleElement)),
      element("Workflows"),
      element("FieldSecurityProfiles"),
      element("Templates"),
      element("EntityMaps"),
      element("EntityRelationships"),
      element("OrganizationSettings"),
      element("optionsets", {}, globalChoices.map(optionSetElement)),
      element("WebResources", {}, webResources.map(webResourceElement)),
      element("CustomControls", {}, customControlElement(options.controlName)),
      element("SolutionPluginAssemblies"),
      element(
        "SdkMessageProcessingSteps",
        {},
        webhookSteps.map((step) => stepElement(step, extendedTable.logicalName)),
      ),
      element("ServiceEndpoints", {}, serviceEndpointElement(options.webhookUrl)),
      element("EntityDataProviders"),
      element("Languages", {}, textElement("Language", baseLanguageCode)),
    ),
  );
}
