/**
 * Checks the sections directly under customizations.xml's `ImportExportXml` against the names in Microsoft's
 * CustomizationsSolution.xsd (plus the newer sections the 2018 schema lacks). Names are case-sensitive there, so a
 * section spelled in other case would be silently skipped by a reader: that is a problem. Known sections the emulator
 * does not import are warnings, so nobody expects them to take effect.
 */
import { customizationsPart } from "./partPaths";
import type { Findings } from "./problems";
import { elementsOf, type XmlElement } from "./xmlElement";

/** The sections the reader imports. */
const importedSections = [
  "Entities",
  "EntityRelationships",
  "optionsets",
  "WebResources",
  "CustomControls",
  "SdkMessageProcessingSteps",
  "ServiceEndpoints",
];

/** The other sections of ImportExportXml in CustomizationsSolution.xsd, and newer ones seen in current exports. */
const otherKnownSections = [
  "Roles",
  "Workflows",
  "FieldSecurityProfiles",
  "Templates",
  "RibbonDiffXml",
  "IsvConfig",
  "RelationshipRoles",
  "ConnectionRoles",
  "SiteMap",
  "EntityMaps",
  "OrganizationSettings",
  "Reports",
  "RoutingRules",
  "ChannelPropertyGroups",
  "ConvertRules",
  "MobileOfflineProfiles",
  "Slas",
  "ChannelAccessProfiles",
  "ChannelAccessProfileRules",
  "Dashboards",
  "InteractionCentricDashboards",
  "Dialogs",
  "SolutionPluginAssemblies",
  "AppModuleSiteMaps",
  "AppModules",
  "EntityDataProviders",
  "EntityDataSources",
  "Languages",
  "GlobalSearchConfigurations",
  "StoredProcedures",
  "connectionreferences",
  "CanvasApps",
];

/** Sections that carry nothing to import even when they have content (the languages of the export). */
const informationalSections = new Set(["Languages"]);

/** Records a problem for a section spelled in other case, and a warning for each non-empty section not imported. */
export function checkSections(customizations: XmlElement, findings: Findings): void {
  const known = [...importedSections, ...otherKnownSections];
  for (const section of elementsOf(customizations)) {
    if (importedSections.includes(section.name)) continue;
    const spelled = known.find((name) => name !== section.name && name.toLowerCase() === section.name.toLowerCase());
    if (spelled !== undefined) {
      findings.problem(
        "InvalidComponent",
        customizationsPart,
        `The section <${section.name}> must be spelled <${spelled}> (names are case-sensitive); as it is, it would be skipped.`,
      );
    } else if (!known.includes(section.name)) {
      findings.warn(
        customizationsPart,
        `The section <${section.name}> is not part of customizations.xml and is ignored.`,
      );
    } else if (elementsOf(section).length > 0 && !informationalSections.has(section.name)) {
      findings.warn(
        customizationsPart,
        `The section <${section.name}> is not imported by the emulator and is ignored.`,
      );
    }
  }
}
