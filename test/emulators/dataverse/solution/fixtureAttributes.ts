/**
 * Writes the `attribute` elements of the fixture's tables as Dataverse exports them (Microsoft's
 * CustomizationsSolution.xsd, `EntityInfo/entity/attributes/attribute`; the elements are an xs:all, in any order).
 */
import { labels } from "./fixtureZip";

const defaultMask = "ValidForAdvancedFind|ValidForForm|ValidForGrid";

/** What an attribute of a fixture table says; unset fields take the values of a new custom column. */
export interface AttributeSpec {
  schemaName: string;
  type: string;
  displayName: string;
  requiredLevel?: string;
  isCustom?: boolean;
  displayMask?: string;
  /** Type-specific elements. */
  extra?: string;
}

/** An `attribute` element with the elements every column has, then `extra`. */
export function attribute(spec: AttributeSpec): string {
  const logicalName = spec.schemaName.toLowerCase();
  return `
          <attribute PhysicalName="${spec.schemaName}">
            <Type>${spec.type}</Type>
            <Name>${logicalName}</Name>
            <LogicalName>${logicalName}</LogicalName>
            <RequiredLevel>${spec.requiredLevel ?? "none"}</RequiredLevel>
            <DisplayMask>${spec.displayMask ?? defaultMask}</DisplayMask>
            <IsCustomField>${spec.isCustom === false ? 0 : 1}</IsCustomField>
            <IsAuditEnabled>1</IsAuditEnabled>
            <IntroducedVersion>1.0.0.0</IntroducedVersion>
            <IsCustomizable>1</IsCustomizable>${spec.extra ?? ""}
            ${labels("displaynames", "displayname", spec.displayName)}
            ${labels("Descriptions", "Description", spec.displayName)}
          </attribute>`;
}

/** The `option` elements of a choice list, each with an English label. */
export function options(values: readonly (readonly [number, string])[]): string {
  return values.map(([value, text]) => `<option value="${value}">${labels("labels", "label", text)}</option>`).join("");
}

/** A Yes/No column of the opportunity (`bit` with its local option set 1 Yes, 0 No), default No. */
export function yesNoColumn(schemaName: string, displayName: string): string {
  return attribute({
    schemaName,
    type: "bit",
    displayName,
    extra: `
            <AppDefaultValue>0</AppDefaultValue>
            <optionset Name="csb_opportunity_${schemaName.toLowerCase()}">
              <OptionSetType>bit</OptionSetType>
              <IntroducedVersion>1.0.0.0</IntroducedVersion>
              <IsCustomizable>1</IsCustomizable>
              ${labels("displaynames", "displayname", displayName)}
              <options>${options([
                [1, "Yes"],
                [0, "No"],
              ])}</options>
            </optionset>`,
  });
}

/** A single-line text column (`nvarchar`) of the given length and format. */
export function textColumn(schemaName: string, displayName: string, maxLength: number, format = "text"): string {
  const extra = `
            <Format>${format}</Format>
            <MaxLength>${maxLength}</MaxLength>
            <Length>${maxLength * 2}</Length>`;
  return attribute({ schemaName, type: "nvarchar", displayName, extra });
}
