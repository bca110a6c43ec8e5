/**
 * The types of the solution's typed description. Each file of definition/ fills one of them; xml/ turns them into the
 * parts of the zip. Labels are English (languagecode 1033), the solution's base language (definition/identity.ts).
 */

/** One choice of a choice column. */
export interface ChoiceOption {
  readonly value: number;
  readonly label: string;
}

/** A global choice (option set), shared by name between columns. */
export interface ChoiceDefinition {
  readonly name: string;
  readonly displayName: string;
  readonly description: string;
  readonly options: readonly ChoiceOption[];
}

/** What every column says about itself. */
export interface ColumnCommon {
  readonly logicalName: string;
  /** The logical name in its published casing, e.g. csb_SyncStatus. */
  readonly schemaName: string;
  readonly displayName: string;
  readonly description: string;
}

/** The type-specific part of a column, named after the Dataverse column kinds. */
export type ColumnKind =
  | { readonly kind: "yesNo"; readonly defaultValue: boolean }
  | { readonly kind: "choice"; readonly choice: ChoiceDefinition; readonly defaultValue: number | undefined }
  | { readonly kind: "multiChoice"; readonly choice: ChoiceDefinition }
  | { readonly kind: "text"; readonly maxLength: number; readonly format: "text" | "url" }
  | { readonly kind: "memo"; readonly maxLength: number }
  | { readonly kind: "dateTime" };

/** A column the solution creates. */
export type ColumnDefinition = ColumnCommon & ColumnKind;

/** A table the solution creates, with its own columns (the platform adds its system columns). */
export interface TableDefinition {
  readonly logicalName: string;
  readonly schemaName: string;
  readonly entitySetName: string;
  readonly displayName: string;
  readonly pluralName: string;
  readonly description: string;
  /** Dataverse's OwnershipTypeMask. */
  readonly ownership: "OrgOwned" | "UserOwned";
  readonly primaryKey: { readonly schemaName: string; readonly displayName: string };
  /** The primary name column (single line of text). */
  readonly primaryName: ColumnDefinition & { readonly kind: "text" };
  readonly columns: readonly ColumnDefinition[];
}

/** The kind of a web resource, with its WebResourceType code. */
export const webResourceTypes = { JavaScript: 3, SVG: 11, StringResx: 12 } as const;

/** A web resource: a file of the web resources' build, published under `name`. */
export interface WebResourceDefinition {
  readonly id: string;
  /** The web resource name, e.g. csb_/scripts/opportunity.js; also its path under out/webresources. */
  readonly name: string;
  readonly displayName: string;
  readonly description: string;
  readonly type: keyof typeof webResourceTypes;
  /** The language of a string resource (RESX); other web resources are in the base language. */
  readonly languageCode?: number;
  /**
   * Web resources the platform loads with this one. A script needs its RESX files here, or
   * Xrm.Utility.getResourceString answers null (Microsoft's Client API docs, "getResourceString").
   */
  readonly dependsOn?: readonly WebResourceDefinition[];
}

/** A function of a web resource, named as forms and command bars call it. */
export interface ScriptFunction {
  /** The web resource that defines it. */
  readonly library: string;
  /** The dotted global name, e.g. CoSellBridge.Opportunity.onLoad. */
  readonly functionName: string;
}

/** The lowest privilege depth a role grants (Dataverse's Basic user, Local business unit, Deep, Global org). */
export type PrivilegeDepth = "Basic" | "Local" | "Deep" | "Global";

/** A security role the solution brings. */
export interface SecurityRoleDefinition {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly privileges: readonly { readonly name: string; readonly depth: PrivilegeDepth }[];
}
