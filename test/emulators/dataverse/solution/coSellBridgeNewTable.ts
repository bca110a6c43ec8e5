/**
 * The new csb_partnercentersolution table of the CoSellBridge-like fixture (core/dataverse/schema.ts
 * partnerCenterSolutionTable): organization-owned, its primary key and primary name column, the solution id, state and
 * status, and a quick view form.
 */
import { partnerCenterSolutionTable } from "../../../../core/dataverse/schema";
import { attribute, textColumn } from "./fixtureAttributes";
import { labels } from "./fixtureZip";

/** The id of the table's quick view form. */
export const quickFormId = "5b0e4c1a-7d9e-4f3b-8a61-2c4d6e8f0a13";

function stateColumns(): string {
  const state = `
            <optionset Name="csb_partnercentersolution_statecode">
              <OptionSetType>state</OptionSetType>
              ${labels("displaynames", "displayname", "Status")}
              <states>
                <state value="0" defaultstatus="1" invariantname="Active">${labels("labels", "label", "Active")}</state>
                <state value="1" defaultstatus="2" invariantname="Inactive">${labels("labels", "label", "Inactive")}</state>
              </states>
            </optionset>`;
  const status = `
            <optionset Name="csb_partnercentersolution_statuscode">
              <OptionSetType>status</OptionSetType>
              ${labels("displaynames", "displayname", "Status Reason")}
              <statuses>
                <status value="1" state="0">${labels("labels", "label", "Active")}</status>
                <status value="2" state="1">${labels("labels", "label", "Inactive")}</status>
              </statuses>
            </optionset>`;
  return (
    attribute({ schemaName: "statecode", type: "state", displayName: "Status", isCustom: false, extra: state }) +
    attribute({
      schemaName: "statuscode",
      type: "status",
      displayName: "Status Reason",
      isCustom: false,
      extra: status,
    })
  );
}

const solutionColumns = partnerCenterSolutionTable.columns;

/** The new csb_partnercentersolution table: organization-owned, with a quick view form. */
export const partnerCenterSolutionEntity = `
    <Entity>
      <Name LocalizedName="Partner Center solution" OriginalName="Partner Center solution">csb_PartnerCenterSolution</Name>
      <EntityInfo>
        <entity Name="csb_PartnerCenterSolution">
          ${labels("LocalizedNames", "LocalizedName", "Partner Center solution")}
          ${labels("LocalizedCollectionNames", "LocalizedCollectionName", "Partner Center solutions")}
          ${labels("Descriptions", "Description", "The partner's co-sell solutions, filled from Partner Center.")}
          <attributes>${[
            attribute({
              schemaName: "csb_PartnerCenterSolutionId",
              type: "primarykey",
              displayName: "Partner Center solution",
              requiredLevel: "systemrequired",
              isCustom: false,
              displayMask: "ValidForAdvancedFind|RequiredForGrid",
            }),
            attribute({
              schemaName: "csb_Name",
              type: "nvarchar",
              displayName: "Name",
              requiredLevel: "required",
              displayMask: "PrimaryName|ValidForAdvancedFind|ValidForForm|ValidForGrid|RequiredForForm",
              extra: "\n            <Format>text</Format>\n            <MaxLength>200</MaxLength>",
            }),
            textColumn("csb_SolutionId", "Solution Identifier", 100),
            stateColumns(),
            attribute({
              schemaName: "createdon",
              type: "datetime",
              displayName: "Created On",
              isCustom: false,
              extra: "\n            <Format>datetime</Format>\n            <Behavior>1</Behavior>",
            }),
          ].join("")}
          </attributes>
          <EntitySetName>${partnerCenterSolutionTable.entitySet}</EntitySetName>
          <IsDuplicateCheckSupported>0</IsDuplicateCheckSupported>
          <IsBusinessProcessEnabled>0</IsBusinessProcessEnabled>
          <OwnershipTypeMask>OrgOwned</OwnershipTypeMask>
          <IsAuditEnabled>0</IsAuditEnabled>
          <IsActivity>0</IsActivity>
          <IsQuickCreateEnabled>0</IsQuickCreateEnabled>
          <IntroducedVersion>1.0.0.0</IntroducedVersion>
          <IsCustomizable>1</IsCustomizable>
          <HasRelatedNotes>False</HasRelatedNotes>
          <HasRelatedActivities>False</HasRelatedActivities>
        </entity>
      </EntityInfo>
      <FormXml>
        <forms type="quick">
          <systemform>
            <formid>{${quickFormId}}</formid>
            <IntroducedVersion>1.0.0.0</IntroducedVersion>
            <FormPresentation>1</FormPresentation>
            <FormActivationState>1</FormActivationState>
            <form>
              <tabs>
                <tab name="general" id="{8c2f3a55-1b7e-4d09-9f6a-3e5b7c9d1f24}" showlabel="false">
                  ${labels("labels", "label", "General")}
                  <columns>
                    <column width="100%">
                      <sections>
                        <section name="details" id="{0d4e6f80-2a9c-4b1e-8d3f-5a7c9e1b3d46}" showlabel="false">
                          ${labels("labels", "label", "Details")}
                          <rows>
                            <row>
                              <cell id="{1f3a5c7e-9b2d-4f60-8e1a-3c5e7a9b1d68}">
                                ${labels("labels", "label", "Solution Identifier")}
                                <control id="${solutionColumns.solutionId}" classid="{4273EDBD-AC1D-40d3-9FB2-095C621B552D}" datafieldname="${solutionColumns.solutionId}" />
                              </cell>
                            </row>
                          </rows>
                        </section>
                      </sections>
                    </column>
                  </columns>
                </tab>
              </tabs>
            </form>
            ${labels("LocalizedNames", "LocalizedName", "Solution summary")}
          </systemform>
        </forms>
      </FormXml>
    </Entity>`;
