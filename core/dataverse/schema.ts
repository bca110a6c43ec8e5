/**
 * Logical names of the Dataverse tables and columns that Co-sell Bridge reads or writes.
 * Standard names: shared/reference/dataverse.md §4 (opportunity entity reference). Our own `csb_` names:
 * shared/DESIGN.md, "Dataverse schema".
 */

/** Publisher prefix, solution unique name and option value prefix shared by every component of the solution. */
export const solutionIdentity = {
  uniqueName: "CoSellBridge",
  publisherPrefix: "csb",
  /** Choice values of our own columns are `optionValuePrefix * 10_000 + n`, as Dataverse builds them. */
  optionValuePrefix: 58_210,
} as const;

/**
 * The opportunity's standard columns and the columns our solution adds, each its own constant as well as a part of
 * opportunityTable: a bundle that reads only a few names (the form scripts) keeps only those, since a minifier can
 * split a constant object read only by property, which the table object, handed around whole, is not.
 */
export const opportunityStandardColumns = {
  id: "opportunityid",
  name: "name",
  description: "description",
  estimatedValue: "estimatedvalue",
  estimatedCloseDate: "estimatedclosedate",
  budgetAmount: "budgetamount",
  currency: "transactioncurrencyid",
  stateCode: "statecode",
  statusCode: "statuscode",
  salesStage: "salesstage",
  stepName: "stepname",
  account: "parentaccountid",
  contact: "parentcontactid",
  customer: "customerid",
  owner: "ownerid",
  createdOn: "createdon",
  modifiedOn: "modifiedon",
} as const;

/** Columns the CoSellBridge solution adds to the opportunity. */
export const cosellColumns = {
  syncWithPartnerCenter: "csb_syncwithpartnercenter",
  microsoftHelp: "csb_microsofthelp",
  shareWithMicrosoft: "csb_sharewithmicrosoft",
  products: "csb_products",
  referralId: "csb_referralid",
  referralLink: "csb_referrallink",
  microsoftCrmId: "csb_microsoftcrmid",
  syncStatus: "csb_syncstatus",
  lastSyncedOn: "csb_lastsyncedon",
  audit: "csb_audit",
} as const;

export const opportunityTable = {
  logicalName: "opportunity",
  entitySet: "opportunities",
  primaryKey: "opportunityid",
  columns: opportunityStandardColumns,
  /** Columns the CoSellBridge solution adds to the opportunity. */
  cosellColumns,
} as const;

export const accountTable = {
  logicalName: "account",
  entitySet: "accounts",
  primaryKey: "accountid",
  columns: {
    id: "accountid",
    name: "name",
    addressLine1: "address1_line1",
    addressLine2: "address1_line2",
    city: "address1_city",
    stateOrProvince: "address1_stateorprovince",
    postalCode: "address1_postalcode",
    /** Must hold an ISO 3166 alpha-2 code; the csb_CountryField environment variable can name another column. */
    country: "address1_country",
  },
} as const;

export const contactTable = {
  logicalName: "contact",
  entitySet: "contacts",
  primaryKey: "contactid",
  columns: {
    id: "contactid",
    firstName: "firstname",
    lastName: "lastname",
    email: "emailaddress1",
    phone: "telephone1",
    jobTitle: "jobtitle",
    account: "parentcustomerid",
  },
} as const;

export const systemUserTable = {
  logicalName: "systemuser",
  entitySet: "systemusers",
  primaryKey: "systemuserid",
  columns: {
    id: "systemuserid",
    firstName: "firstname",
    lastName: "lastname",
    email: "internalemailaddress",
    phone: "address1_telephone1",
  },
} as const;

export const currencyTable = {
  logicalName: "transactioncurrency",
  entitySet: "transactioncurrencies",
  primaryKey: "transactioncurrencyid",
  columns: { id: "transactioncurrencyid", isoCode: "isocurrencycode", name: "currencyname" },
} as const;

/** Our catalogue of the partner's co-sell solutions, filled from Partner Center by the sync service. */
export const partnerCenterSolutionTable = {
  logicalName: "csb_partnercentersolution",
  entitySet: "csb_partnercentersolutions",
  primaryKey: "csb_partnercentersolutionid",
  columns: {
    id: "csb_partnercentersolutionid",
    name: "csb_name",
    solutionId: "csb_solutionid",
  },
} as const;

/** Schema names of the solution's environment variables and their defaults (shared/DESIGN.md). */
export const environmentVariables = {
  showCheckmark: { schemaName: "csb_ShowCheckmark", defaultValue: "yes" },
  syncCoSellOnly: { schemaName: "csb_SyncCoSellOnly", defaultValue: "no" },
  dealValueField: { schemaName: "csb_DealValueField", defaultValue: "estimatedvalue" },
  countryField: { schemaName: "csb_CountryField", defaultValue: "address1_country" },
  syncEndpointUrl: { schemaName: "csb_SyncEndpointUrl", defaultValue: "" },
  fieldMapping: { schemaName: "csb_FieldMapping", defaultValue: "" },
} as const;

/** The shape of a Dataverse logical name: lowercase letters, digits and underscores, starting with a letter. */
export const logicalNamePattern = /^[a-z][a-z0-9_]{0,99}$/;
