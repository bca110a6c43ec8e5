/**
 * The sales tables Co-sell Bridge reads and writes, with their real key columns and choice values (dataverse.md
 * §4.1, §4.2 and the opportunity entity reference). Our csb_ columns are not here: see cosellSchema.ts.
 */
import {
  accountTable,
  contactTable,
  currencyTable,
  OpportunityState,
  OpportunityStatus,
  opportunityTable,
  SalesStage,
  systemUserTable,
} from "../../../../core";
import { column } from "./columns";
import { activeInactive } from "./platformColumns";
import type { TableSpec } from "./types";

const system = { isCustomEntity: false, solution: "System" } as const;

/** §4.2: statecode 0 Open, 1 Won, 2 Lost and their status reasons. */
const opportunityStates = {
  states: [
    { value: OpportunityState.Open, label: "Open", defaultStatus: OpportunityStatus.InProgress },
    { value: OpportunityState.Won, label: "Won", defaultStatus: OpportunityStatus.Won },
    { value: OpportunityState.Lost, label: "Lost", defaultStatus: OpportunityStatus.Canceled },
  ],
  statuses: [
    { value: OpportunityStatus.InProgress, label: "In Progress", state: OpportunityState.Open },
    { value: OpportunityStatus.OnHold, label: "On Hold", state: OpportunityState.Open },
    { value: OpportunityStatus.Won, label: "Won", state: OpportunityState.Won },
    { value: OpportunityStatus.Canceled, label: "Canceled", state: OpportunityState.Lost },
    { value: OpportunityStatus.OutSold, label: "Out-Sold", state: OpportunityState.Lost },
  ],
};

const opportunity: TableSpec = {
  ...system,
  logicalName: opportunityTable.logicalName,
  entitySetName: opportunityTable.entitySet,
  displayName: "Opportunity",
  primaryNameAttribute: "name",
  stateModel: opportunityStates,
  columns: [
    column.string("name", { maxLength: 300, displayName: "Topic", requiredLevel: "ApplicationRequired" }),
    column.memo("description", { maxLength: 2000, displayName: "Description" }),
    column.money("estimatedvalue", { displayName: "Est. Revenue" }),
    column.dateOnly("estimatedclosedate", { displayName: "Est. Close Date" }),
    column.money("actualvalue", { displayName: "Actual Revenue" }),
    column.dateOnly("actualclosedate", { displayName: "Actual Close Date" }),
    column.money("budgetamount", { displayName: "Budget Amount" }),
    column.integer("closeprobability", { displayName: "Probability", minValue: 0, maxValue: 100 }),
    column.lookup("transactioncurrencyid", ["transactioncurrency"], { displayName: "Currency" }),
    column.lookup("parentaccountid", ["account"], { displayName: "Account" }),
    column.lookup("parentcontactid", ["contact"], { displayName: "Contact" }),
    column.lookup("customerid", ["account", "contact"], { displayName: "Potential Customer" }),
    column.choice(
      "salesstage",
      [
        { value: SalesStage.Qualify, label: "Qualify" },
        { value: SalesStage.Develop, label: "Develop" },
        { value: SalesStage.Propose, label: "Propose" },
        { value: SalesStage.Close, label: "Close" },
      ],
      { displayName: "Sales Stage", defaultValue: SalesStage.Qualify },
    ),
    column.string("stepname", { maxLength: 200, displayName: "Pipeline Phase" }),
  ],
};

const account: TableSpec = {
  ...system,
  logicalName: accountTable.logicalName,
  entitySetName: accountTable.entitySet,
  displayName: "Account",
  primaryNameAttribute: "name",
  stateModel: activeInactive,
  columns: [
    column.string("name", { maxLength: 160, displayName: "Account Name", requiredLevel: "ApplicationRequired" }),
    column.string("accountnumber", { maxLength: 20, displayName: "Account Number" }),
    column.string("address1_line1", { maxLength: 250, displayName: "Address 1: Street 1" }),
    column.string("address1_line2", { maxLength: 250, displayName: "Address 1: Street 2" }),
    column.string("address1_city", { maxLength: 80, displayName: "Address 1: City" }),
    column.string("address1_stateorprovince", { maxLength: 50, displayName: "Address 1: State/Province" }),
    column.string("address1_postalcode", { maxLength: 20, displayName: "Address 1: ZIP/Postal Code" }),
    column.string("address1_country", { maxLength: 80, displayName: "Address 1: Country/Region" }),
    column.string("telephone1", { maxLength: 50, format: "Phone", displayName: "Main Phone" }),
    column.string("websiteurl", { maxLength: 200, format: "Url", displayName: "Website" }),
    column.integer("numberofemployees", { minValue: 0, maxValue: 1_000_000_000, displayName: "Number of Employees" }),
    column.lookup("primarycontactid", ["contact"], { displayName: "Primary Contact" }),
  ],
};

const contact: TableSpec = {
  ...system,
  logicalName: contactTable.logicalName,
  entitySetName: contactTable.entitySet,
  displayName: "Contact",
  primaryNameAttribute: "fullname",
  stateModel: activeInactive,
  columns: [
    column.string("fullname", { maxLength: 160, readOnly: true, displayName: "Full Name" }),
    column.string("firstname", { maxLength: 50, displayName: "First Name" }),
    column.string("lastname", { maxLength: 50, displayName: "Last Name", requiredLevel: "ApplicationRequired" }),
    column.string("emailaddress1", { maxLength: 100, format: "Email", displayName: "Email" }),
    column.string("telephone1", { maxLength: 50, format: "Phone", displayName: "Business Phone" }),
    column.string("jobtitle", { maxLength: 100, displayName: "Job Title" }),
    column.lookup("parentcustomerid", ["account", "contact"], { displayName: "Company Name" }),
  ],
};

const transactionCurrency: TableSpec = {
  ...system,
  logicalName: currencyTable.logicalName,
  entitySetName: currencyTable.entitySet,
  displayName: "Currency",
  primaryNameAttribute: "currencyname",
  ownershipType: "OrganizationOwned",
  stateModel: activeInactive,
  columns: [
    column.string("currencyname", { maxLength: 100, displayName: "Currency Name", requiredLevel: "SystemRequired" }),
    column.string("isocurrencycode", { maxLength: 5, displayName: "Currency Code", requiredLevel: "SystemRequired" }),
    column.string("currencysymbol", { maxLength: 10, displayName: "Currency Symbol", requiredLevel: "SystemRequired" }),
    column.decimal("exchangerate", { precision: 10, minValue: 0.0000000001, maxValue: 100_000_000_000 }),
    column.integer("currencyprecision", { minValue: 0, maxValue: 4, displayName: "Currency Precision" }),
  ],
};

const systemUser: TableSpec = {
  ...system,
  logicalName: systemUserTable.logicalName,
  entitySetName: systemUserTable.entitySet,
  displayName: "User",
  primaryNameAttribute: "fullname",
  ownershipType: "BusinessOwned",
  stateModel: false,
  columns: [
    column.string("fullname", { maxLength: 200, readOnly: true, displayName: "Full Name" }),
    column.string("firstname", { maxLength: 64, displayName: "First Name" }),
    column.string("lastname", { maxLength: 64, displayName: "Last Name" }),
    column.string("internalemailaddress", { maxLength: 100, format: "Email", displayName: "Primary Email" }),
    column.string("address1_telephone1", { maxLength: 64, format: "Phone", displayName: "Main Phone" }),
    column.uniqueidentifier("azureactivedirectoryobjectid", { displayName: "Azure AD Object ID" }),
    // Set for application users: the Azure AD client id whose tokens act as this user.
    column.uniqueidentifier("applicationid", { displayName: "Application ID" }),
    column.boolean("isdisabled", { trueLabel: "Disabled", falseLabel: "Enabled", displayName: "Status" }),
  ],
};

const opportunityClose: TableSpec = {
  ...system,
  logicalName: "opportunityclose",
  entitySetName: "opportunitycloses",
  displayName: "Opportunity Close",
  primaryIdAttribute: "activityid",
  primaryNameAttribute: "subject",
  stateModel: {
    states: [
      { value: 0, label: "Open", defaultStatus: 1 },
      { value: 1, label: "Completed", defaultStatus: 2 },
      { value: 2, label: "Canceled", defaultStatus: 3 },
    ],
    statuses: [
      { value: 1, label: "Open", state: 0 },
      { value: 2, label: "Completed", state: 1 },
      { value: 3, label: "Canceled", state: 2 },
    ],
  },
  columns: [
    column.string("subject", { maxLength: 200, displayName: "Subject" }),
    column.lookup("opportunityid", [{ table: "opportunity", onDelete: "Cascade" }], { displayName: "Opportunity" }),
    column.money("actualrevenue", { displayName: "Actual Revenue" }),
    column.dateTime("actualend", { displayName: "Close Date" }),
    column.memo("description", { maxLength: 2000, displayName: "Description" }),
    column.lookup("transactioncurrencyid", ["transactioncurrency"], { displayName: "Currency" }),
  ],
};

/** The sales tables in the order they are installed. */
export const salesTables: readonly TableSpec[] = [
  systemUser,
  transactionCurrency,
  account,
  contact,
  opportunity,
  opportunityClose,
];
