// Small record sets shaped like the two APIs the emulators imitate, used by several test files.

/** Partner Center referrals (only the fields the documented filters touch). */
export const referrals = [
  {
    id: "r1",
    engagementId: "65edc0b5-0000-0000-0000-000000000000",
    status: "New",
    substatus: "Pending",
    qualification: "SalesQualified",
    type: "Shared",
    direction: "Incoming",
    customerProfile: { name: "Contoso", address: { country: "US", city: "Redmond" } },
    team: [{ email: "r2d2@contoso.com" }],
    updatedDateTime: "2022-02-25T13:49:42.887627Z",
  },
  {
    id: "r2",
    // Stored upper-case: an unquoted GUID literal must still match it.
    engagementId: "F889CDF9-8E09-4126-A1DF-46E0AB69BCDA",
    status: "Active",
    substatus: "Accepted",
    qualification: "MarketingQualified",
    type: "Shared",
    direction: "Outgoing",
    customerProfile: { name: "Fabrikam", address: { country: "US" } },
    team: [{ email: "c3po@contoso.com" }, { email: "r2d2@contoso.com" }],
    // One microsecond after r1, which millisecond precision would lose.
    updatedDateTime: "2022-02-25T13:49:42.887628Z",
  },
  {
    id: "r3",
    engagementId: "11111111-2222-3333-4444-555555555555",
    status: "Active",
    substatus: "Accepted",
    qualification: "SalesQualified",
    type: "Independent",
    direction: "Outgoing",
    customerProfile: { name: "Northwind", address: { country: "GB" } },
    team: [{ email: "r2d2@contoso.com" }],
    // The same instant as r1 written with an offset.
    updatedDateTime: "2022-02-25T14:49:42.887627+01:00",
  },
  {
    id: "r4",
    engagementId: "22222222-2222-3333-4444-555555555555",
    status: "New",
    substatus: "Pending",
    qualification: "SalesQualified",
    type: "Shared",
    direction: "Incoming",
    customerProfile: { name: "Litware", address: { country: "DE" } },
    team: [],
    updatedDateTime: "2022-02-24T00:00:00Z",
  },
  {
    id: "r5",
    status: "Closed",
    substatus: "Won",
    type: "Shared",
    direction: "Incoming",
    customerProfile: null,
    team: [],
  },
  {
    id: "r6",
    engagementId: "33333333-2222-3333-4444-555555555555",
    status: "Active",
    substatus: "Accepted",
    type: "Shared",
    direction: "Outgoing",
    customerProfile: { name: "Adventure Works", address: { country: "US" } },
    team: [{ email: "c3po@contoso.com" }],
    updatedDateTime: "2023-01-01T00:00:00Z",
  },
];

/** Dataverse accounts as the Web API returns them (lookups as `_x_value`, option sets as numbers). */
export const accounts = [
  {
    accountid: "a1",
    name: "Contoso Ltd",
    statecode: 0,
    estimatedvalue: 500,
    _parentaccountid_value: "6d81597f-0f9f-e711-8122-000d3aa2331c",
    createdon: "2024-01-01T00:00:00Z",
  },
  {
    accountid: "a2",
    name: "CONTOSO Pharma",
    statecode: 1,
    estimatedvalue: 5000,
    _parentaccountid_value: null,
    createdon: "2024-03-15T08:30:00Z",
  },
  {
    accountid: "a3",
    name: "Fabrikam",
    statecode: 0,
    estimatedvalue: 1000,
    _parentaccountid_value: "6D81597F-0F9F-E711-8122-000D3AA2331C",
    createdon: "2023-12-31T23:59:59.9999999Z",
  },
  {
    accountid: "a4",
    name: "contoso east",
    statecode: 0,
    estimatedvalue: null,
    createdon: "2024-01-01T01:00:00+01:00",
  },
];

/** Dataverse environment variable definitions, looked up by schema name. */
export const environmentVariableDefinitions = [
  { environmentvariabledefinitionid: "e1", schemaname: "csb_SyncEndpointUrl" },
  { environmentvariabledefinitionid: "e2", schemaname: "csb_SyncIntervalMinutes" },
];
