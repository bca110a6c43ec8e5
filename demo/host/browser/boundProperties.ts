/**
 * The CoSellPanel's properties and the opportunity columns the form binds them to (the contract,
 * /work/briefs/cosellpanel-contract.md, "Manifest"). `type` is the PCF type the platform gives the property for that
 * column: a Memo column in a "SingleLine.Text, Multiple" type group arrives as "Multiple".
 */
import { opportunityTable } from "../../../core/dataverse/schema";

export type PropertyType =
  | "TwoOptions"
  | "MultiSelectOptionSet"
  | "OptionSet"
  | "SingleLine.Text"
  | "SingleLine.URL"
  | "Multiple"
  | "DateAndTime.DateAndTime"
  | "DateAndTime.DateOnly"
  | "Currency";

export interface BoundProperty {
  readonly name: string;
  readonly column: string;
  readonly type: PropertyType;
  /** The control may change it (getOutputs); the others are shown read-only. */
  readonly output: boolean;
}

const cosell = opportunityTable.cosellColumns;
const standard = opportunityTable.columns;

export const BOUND_PROPERTIES: readonly BoundProperty[] = [
  { name: "syncWithPartnerCenter", column: cosell.syncWithPartnerCenter, type: "TwoOptions", output: true },
  { name: "microsoftHelp", column: cosell.microsoftHelp, type: "MultiSelectOptionSet", output: true },
  { name: "shareWithMicrosoft", column: cosell.shareWithMicrosoft, type: "TwoOptions", output: true },
  { name: "products", column: cosell.products, type: "Multiple", output: true },
  { name: "referralId", column: cosell.referralId, type: "SingleLine.Text", output: false },
  { name: "referralLink", column: cosell.referralLink, type: "SingleLine.URL", output: false },
  { name: "microsoftCrmId", column: cosell.microsoftCrmId, type: "SingleLine.Text", output: false },
  { name: "audit", column: cosell.audit, type: "Multiple", output: false },
  { name: "syncStatus", column: cosell.syncStatus, type: "OptionSet", output: false },
  { name: "lastSyncedOn", column: cosell.lastSyncedOn, type: "DateAndTime.DateAndTime", output: false },
  { name: "topic", column: standard.name, type: "SingleLine.Text", output: false },
  { name: "dealValue", column: standard.estimatedValue, type: "Currency", output: false },
  { name: "estimatedCloseDate", column: standard.estimatedCloseDate, type: "DateAndTime.DateOnly", output: false },
];

/** The input (unbound) property: the sync service's URL, overriding the csb_SyncEndpointUrl environment variable. */
export const SYNC_ENDPOINT_PROPERTY = "syncEndpointUrl";

export function boundProperty(name: string): BoundProperty | undefined {
  return BOUND_PROPERTIES.find((property) => property.name === name);
}

/** @throws RangeError when a page option names a property the control does not have. */
export function checkPropertyNames(names: readonly string[], option: string): void {
  const unknown = names.filter((name) => boundProperty(name) === undefined);
  if (unknown.length > 0) {
    const known = BOUND_PROPERTIES.map((property) => property.name).join(", ");
    throw new RangeError(`${option} names unknown properties (${unknown.join(", ")}); use some of: ${known}.`);
  }
}
