/**
 * The default field mapping: what the original connector syncs (shared/reference/original-connector.md, "Fields that
 * sync on update" and "Field mapping"), plus the co-sell fields of shared/DESIGN.md. Most fields belong to the
 * partner's seller, so Dynamics wins a conflict; the outcome belongs to Partner Center, whose final states are final.
 */
import { accountTable, contactTable, opportunityTable } from "../dataverse/schema";
import type { DataverseTable, FieldKind, FieldMapping, FieldMappingEntry, FieldOwner, MappedField } from "./fields";

const opportunity = opportunityTable.columns;
const cosell = opportunityTable.cosellColumns;
const account = accountTable.columns;
const contact = contactTable.columns;

function entry(
  field: MappedField,
  label: string,
  kind: FieldKind,
  referralPath: string,
  [table, column]: readonly [DataverseTable, string],
  owner: FieldOwner = "dataverse",
): FieldMappingEntry {
  return { field, label, kind, referralPath, table, column, direction: "both", owner };
}

export const defaultFieldMapping: FieldMapping = {
  name: entry("name", "Name", "text", "/name", ["opportunity", opportunity.name]),
  // The opportunity's description is the referral's notes, both ways, as in the original connector.
  notes: entry("notes", "Description (notes)", "text", "/details/notes", ["opportunity", opportunity.description]),
  dealValue: entry("dealValue", "Deal value", "decimal", "/details/dealValue", [
    "opportunity",
    opportunity.estimatedValue,
  ]),
  currency: entry("currency", "Currency", "currencyCode", "/details/currency", ["opportunity", opportunity.currency]),
  closeDate: entry("closeDate", "Close date", "date", "/details/closingDateTime", [
    "opportunity",
    opportunity.estimatedCloseDate,
  ]),
  outcome: entry("outcome", "Status", "outcome", "/status", ["opportunity", opportunity.stateCode], "partnerCenter"),
  salesStage: entry("salesStage", "Sales stage", "salesStage", "/salesStage", ["opportunity", opportunity.salesStage]),
  helpRequested: entry(
    "helpRequested",
    "How can Microsoft help?",
    "helpCodes",
    "/inviteContext/assistanceRequestCode",
    ["opportunity", cosell.microsoftHelp],
  ),
  sharedWithMicrosoft: entry(
    "sharedWithMicrosoft",
    "Visible to Microsoft sellers",
    "flag",
    "/consent/consentToShareReferralWithMicrosoftSellers",
    ["opportunity", cosell.shareWithMicrosoft],
  ),
  solutions: entry("solutions", "Products", "solutionIds", "/details/requirements/solutions", [
    "opportunity",
    cosell.products,
  ]),
  customerName: entry("customerName", "Customer name", "text", "/customerProfile/name", ["account", account.name]),
  customerAddressLine1: entry(
    "customerAddressLine1",
    "Customer street",
    "text",
    "/customerProfile/address/addressLine1",
    ["account", account.addressLine1],
  ),
  customerAddressLine2: entry(
    "customerAddressLine2",
    "Customer street 2",
    "text",
    "/customerProfile/address/addressLine2",
    ["account", account.addressLine2],
  ),
  customerCity: entry("customerCity", "Customer city", "text", "/customerProfile/address/city", [
    "account",
    account.city,
  ]),
  customerState: entry("customerState", "Customer state or province", "text", "/customerProfile/address/state", [
    "account",
    account.stateOrProvince,
  ]),
  customerPostalCode: entry(
    "customerPostalCode",
    "Customer postal code",
    "text",
    "/customerProfile/address/postalCode",
    ["account", account.postalCode],
  ),
  customerCountry: entry("customerCountry", "Customer country", "countryCode", "/customerProfile/address/country", [
    "account",
    account.country,
  ]),
  contactFirstName: entry("contactFirstName", "Contact first name", "text", "/customerProfile/team/0/firstName", [
    "contact",
    contact.firstName,
  ]),
  contactLastName: entry("contactLastName", "Contact last name", "text", "/customerProfile/team/0/lastName", [
    "contact",
    contact.lastName,
  ]),
  contactEmail: entry("contactEmail", "Contact email", "email", "/customerProfile/team/0/email", [
    "contact",
    contact.email,
  ]),
  contactPhone: entry("contactPhone", "Contact phone", "text", "/customerProfile/team/0/phoneNumber", [
    "contact",
    contact.phone,
  ]),
  contactTitle: entry("contactTitle", "Contact job title", "text", "/customerProfile/team/0/title", [
    "contact",
    contact.jobTitle,
  ]),
  microsoftCrmId: {
    ...entry("microsoftCrmId", "Microsoft CRM Identifier", "text", "/trackingInfo/microsoftMsxId", [
      "opportunity",
      cosell.microsoftCrmId,
    ]),
    // Only Microsoft fills it, once its seller engages.
    direction: "toDataverse",
    owner: "partnerCenter",
  },
};
