/**
 * The default field mapping: what the original connector syncs (shared/reference/original-connector.md, "Fields that
 * sync on update" and "Field mapping"), plus the co-sell fields of shared/DESIGN.md. Most fields belong to the
 * partner's seller, so Dynamics wins a conflict; the outcome belongs to Partner Center, whose final states are final.
 */
import {
  accountTable,
  contactTable,
  cosellColumns as cosell,
  opportunityStandardColumns as opportunity,
} from "../dataverse/schema";
import type { DataverseTable, FieldKind, FieldMapping, FieldMappingEntry, FieldOwner, MappedField } from "./fields";

const account = accountTable.columns;
const contact = contactTable.columns;

/** An entry without its field name, which is its key in the mapping. */
type UnnamedEntry = Omit<FieldMappingEntry, "field">;

/** A field of `table` that syncs both ways. */
function onTable(table: DataverseTable) {
  return (
    label: string,
    kind: FieldKind,
    referralPath: string,
    column: string,
    owner: FieldOwner = "dataverse",
  ): UnnamedEntry => ({ label, kind, referralPath, table, column, direction: "both", owner });
}
const onOpportunity = onTable("opportunity");
const onAccount = onTable("account");
const onContact = onTable("contact");

/**
 * Every field, keyed by its name (the Record type makes a missing one a compile error), in the mapping's order; the
 * name is then written into its entry too. One list rather than one call per field keeps each name written once,
 * which the form's script, which carries this mapping, is smaller for.
 */
const entries: Readonly<Record<MappedField, UnnamedEntry>> = {
  name: onOpportunity("Name", "text", "/name", opportunity.name),
  // The opportunity's description is the referral's notes, both ways, as in the original connector.
  notes: onOpportunity("Description (notes)", "text", "/details/notes", opportunity.description),
  dealValue: onOpportunity("Deal value", "decimal", "/details/dealValue", opportunity.estimatedValue),
  currency: onOpportunity("Currency", "currencyCode", "/details/currency", opportunity.currency),
  closeDate: onOpportunity("Close date", "date", "/details/closingDateTime", opportunity.estimatedCloseDate),
  outcome: onOpportunity("Status", "outcome", "/status", opportunity.stateCode, "partnerCenter"),
  salesStage: onOpportunity("Sales stage", "salesStage", "/salesStage", opportunity.salesStage),
  helpRequested: onOpportunity(
    "How can Microsoft help?",
    "helpCodes",
    "/inviteContext/assistanceRequestCode",
    cosell.microsoftHelp,
  ),
  sharedWithMicrosoft: onOpportunity(
    "Visible to Microsoft sellers",
    "flag",
    "/consent/consentToShareReferralWithMicrosoftSellers",
    cosell.shareWithMicrosoft,
  ),
  solutions: onOpportunity("Products", "solutionIds", "/details/requirements/solutions", cosell.products),
  customerName: onAccount("Customer name", "text", "/customerProfile/name", account.name),
  customerAddressLine1: onAccount(
    "Customer street",
    "text",
    "/customerProfile/address/addressLine1",
    account.addressLine1,
  ),
  customerAddressLine2: onAccount(
    "Customer street 2",
    "text",
    "/customerProfile/address/addressLine2",
    account.addressLine2,
  ),
  customerCity: onAccount("Customer city", "text", "/customerProfile/address/city", account.city),
  customerState: onAccount(
    "Customer state or province",
    "text",
    "/customerProfile/address/state",
    account.stateOrProvince,
  ),
  customerPostalCode: onAccount(
    "Customer postal code",
    "text",
    "/customerProfile/address/postalCode",
    account.postalCode,
  ),
  customerCountry: onAccount("Customer country", "countryCode", "/customerProfile/address/country", account.country),
  contactFirstName: onContact("Contact first name", "text", "/customerProfile/team/0/firstName", contact.firstName),
  contactLastName: onContact("Contact last name", "text", "/customerProfile/team/0/lastName", contact.lastName),
  contactEmail: onContact("Contact email", "email", "/customerProfile/team/0/email", contact.email),
  contactPhone: onContact("Contact phone", "text", "/customerProfile/team/0/phoneNumber", contact.phone),
  contactTitle: onContact("Contact job title", "text", "/customerProfile/team/0/title", contact.jobTitle),
  microsoftCrmId: {
    ...onOpportunity("Microsoft CRM Identifier", "text", "/trackingInfo/microsoftMsxId", cosell.microsoftCrmId),
    // Only Microsoft fills it, once its seller engages.
    direction: "toDataverse",
    owner: "partnerCenter",
  },
};

export const defaultFieldMapping = Object.fromEntries(
  Object.entries(entries).map(([field, entry]) => [field, { field, ...entry }]),
  // Object.fromEntries types its keys as string; they are exactly the keys of `entries`, i.e. every MappedField.
) as unknown as FieldMapping;
