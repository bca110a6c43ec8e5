/**
 * The opportunity part of the CoSellBridge-like fixture, as customizations.xml writes it (Microsoft's
 * CustomizationsSolution.xsd): the csb_ columns added to the system opportunity table (types as shared/DESIGN.md
 * describes them, option values from core/dataverse/options.ts) and the global option set of csb_syncstatus.
 */
import { MicrosoftHelpOption, SyncStatus } from "../../../../core/dataverse/options";
import { opportunityTable } from "../../../../core/dataverse/schema";
import { attribute, options, textColumn, yesNoColumn } from "./fixtureAttributes";
import { labels } from "./fixtureZip";

const helpChoices: readonly (readonly [number, string])[] = [
  [MicrosoftHelpOption.GeneralOrOther, "General or other"],
  [MicrosoftHelpOption.CustomerTechnicalArchitecture, "Customer technical architecture"],
  [MicrosoftHelpOption.ProofOfConceptOrDemo, "Proof of concept or demo"],
  [MicrosoftHelpOption.QuotesOrLicensing, "Quotes or licensing"],
  [MicrosoftHelpOption.PostSalesCustomerSuccess, "Post-sales customer success"],
  [MicrosoftHelpOption.WorkloadSpecificValueProposition, "Workload-specific value proposition"],
];

/** The choices of csb_syncstatus: core's SyncStatus values with their labels. */
export const syncStatusChoices: readonly (readonly [number, string])[] = [
  [SyncStatus.NotSynced, "Not synced"],
  [SyncStatus.Pending, "Pending"],
  [SyncStatus.Synced, "Synced"],
  [SyncStatus.Error, "Error"],
];

const cosell = opportunityTable.cosellColumns;

/** The attributes-only Entity of the system opportunity table, with every csb_ column of core. */
export const opportunityEntity = `
    <Entity>
      <Name LocalizedName="Opportunity" OriginalName="Opportunity">Opportunity</Name>
      <EntityInfo>
        <entity Name="Opportunity">
          <attributes>${[
            yesNoColumn("csb_SyncWithPartnerCenter", "Sync with Partner Center"),
            attribute({
              schemaName: "csb_MicrosoftHelp",
              type: "multiselectpicklist",
              displayName: "How can Microsoft help?",
              extra: `
            <OptionSetName>csb_opportunity_csb_microsofthelp</OptionSetName>
            <AppDefaultValue>-1</AppDefaultValue>
            <optionset Name="csb_opportunity_csb_microsofthelp">
              <OptionSetType>picklist</OptionSetType>
              <IsGlobal>0</IsGlobal>
              <IntroducedVersion>1.0.0.0</IntroducedVersion>
              <IsCustomizable>1</IsCustomizable>
              ${labels("displaynames", "displayname", "How can Microsoft help?")}
              <options>${options(helpChoices)}</options>
            </optionset>`,
            }),
            yesNoColumn("csb_ShareWithMicrosoft", "Visible to Microsoft sellers"),
            textColumn("csb_Products", "Products", 1000),
            textColumn("csb_ReferralId", "Referral Identifier", 100),
            textColumn("csb_ReferralLink", "Referral Link", 500, "url"),
            textColumn("csb_MicrosoftCrmId", "Microsoft CRM Identifier", 100),
            attribute({
              schemaName: "csb_SyncStatus",
              type: "picklist",
              displayName: "Sync status",
              extra: `
            <OptionSetName>csb_syncstatus</OptionSetName>
            <AppDefaultValue>${SyncStatus.NotSynced}</AppDefaultValue>`,
            }),
            attribute({
              schemaName: "csb_LastSyncedOn",
              type: "datetime",
              displayName: "Last synced on",
              extra: `
            <Format>datetime</Format>
            <Behavior>1</Behavior>
            <CanChangeDateTimeBehavior>1</CanChangeDateTimeBehavior>`,
            }),
            attribute({
              schemaName: "csb_Audit",
              type: "ntext",
              displayName: "Audit",
              extra: `
            <Format>textarea</Format>
            <MaxLength>100000</MaxLength>`,
            }),
          ].join("")}
          </attributes>
        </entity>
      </EntityInfo>
    </Entity>`;

/** Logical names of the opportunity columns above, in document order. */
export const opportunityColumnOrder: readonly string[] = [
  cosell.syncWithPartnerCenter,
  cosell.microsoftHelp,
  cosell.shareWithMicrosoft,
  cosell.products,
  cosell.referralId,
  cosell.referralLink,
  cosell.microsoftCrmId,
  cosell.syncStatus,
  cosell.lastSyncedOn,
  cosell.audit,
];

/** The global option set of csb_syncstatus. */
export const syncStatusOptionSet = `
    <optionset Name="csb_syncstatus" localizedName="Sync status">
      <OptionSetType>picklist</OptionSetType>
      <IsGlobal>1</IsGlobal>
      <IntroducedVersion>1.0.0.0</IntroducedVersion>
      <IsCustomizable>1</IsCustomizable>
      ${labels("displaynames", "displayname", "Sync status")}
      ${labels("Descriptions", "Description", "Where the opportunity stands with Partner Center.")}
      <options>${options(syncStatusChoices)}</options>
    </optionset>`;
