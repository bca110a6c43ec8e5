/**
 * The tables a webhook registration lives in (dataverse.md §3.1, §3.2): service endpoints, plug-in types (the other
 * kind of event handler), SDK messages and their filters, processing steps and step images.
 */
import { column, options } from "./columns";
import type { TableSpec } from "./types";

const organizationOwned = { isCustomEntity: false, solution: "System", ownershipType: "OrganizationOwned" } as const;

const serviceEndpoint: TableSpec = {
  ...organizationOwned,
  logicalName: "serviceendpoint",
  entitySetName: "serviceendpoints",
  displayName: "Service Endpoint",
  primaryNameAttribute: "name",
  columns: [
    column.string("name", { maxLength: 256, requiredLevel: "SystemRequired" }),
    column.string("url", { maxLength: 2000, format: "Url" }),
    column.choice(
      "contract",
      options({ 1: "OneWay", 2: "Queue", 3: "Rest", 4: "TwoWay", 5: "Topic", 6: "Queue (Persistent)" }).concat(
        options({ 7: "Event Hub", 8: "Webhook", 9: "Event Grid", 10: "Managed Data Lake" }),
      ),
    ),
    column.choice(
      "authtype",
      options({ 1: "ACS", 2: "SAS Key", 3: "SAS Token", 4: "Webhook Key", 5: "Http Header" }).concat(
        options({ 6: "Http Query String", 7: "Connection String", 8: "Access Key" }),
      ),
    ),
    // §3.1: IsValidForRead = False, "cannot be retrieved"; isauthvalueset tells whether it holds something.
    column.string("authvalue", { maxLength: 2048, isValidForRead: false }),
    column.boolean("isauthvalueset", { readOnly: true }),
    column.choice("messageformat", options({ 1: "Binary XML", 2: "Json", 3: "Text XML" })),
    column.choice("messagecharset", options({ 0: "Default", 1: "UTF8" })),
    column.choice("userclaim", options({ 1: "None", 2: "UserId", 3: "UserInfo" })),
    column.choice("connectionmode", options({ 1: "Normal", 2: "Federated" })),
    column.string("path", { maxLength: 160 }),
    column.string("solutionnamespace", { maxLength: 160 }),
    column.string("namespaceaddress", { maxLength: 255 }),
    column.memo("description", { maxLength: 2000 }),
  ],
};

const pluginType: TableSpec = {
  ...organizationOwned,
  logicalName: "plugintype",
  entitySetName: "plugintypes",
  displayName: "Plug-in Type",
  primaryNameAttribute: "name",
  columns: [column.string("name", { maxLength: 256 }), column.string("typename", { maxLength: 256 })],
};

const sdkMessage: TableSpec = {
  ...organizationOwned,
  logicalName: "sdkmessage",
  entitySetName: "sdkmessages",
  displayName: "Sdk Message",
  primaryNameAttribute: "name",
  isOptimisticConcurrencyEnabled: false,
  columns: [column.string("name", { maxLength: 256 })],
};

const sdkMessageFilter: TableSpec = {
  ...organizationOwned,
  logicalName: "sdkmessagefilter",
  entitySetName: "sdkmessagefilters",
  displayName: "Sdk Message Filter",
  primaryNameAttribute: "name",
  isOptimisticConcurrencyEnabled: false,
  columns: [
    column.string("name", { maxLength: 256 }),
    column.lookup("sdkmessageid", ["sdkmessage"]),
    column.string("primaryobjecttypecode", { maxLength: 100 }),
    column.string("secondaryobjecttypecode", { maxLength: 100 }),
    column.boolean("iscustomprocessingstepallowed", { defaultValue: true }),
  ],
};

const stepStates = {
  states: [
    { value: 0, label: "Enabled", defaultStatus: 1 },
    { value: 1, label: "Disabled", defaultStatus: 2 },
  ],
  statuses: [
    { value: 1, label: "Enabled", state: 0 },
    { value: 2, label: "Disabled", state: 1 },
  ],
};

const sdkMessageProcessingStep: TableSpec = {
  ...organizationOwned,
  logicalName: "sdkmessageprocessingstep",
  entitySetName: "sdkmessageprocessingsteps",
  displayName: "Sdk Message Processing Step",
  primaryNameAttribute: "name",
  stateModel: stepStates,
  columns: [
    column.string("name", { maxLength: 256 }),
    column.memo("description", { maxLength: 256 }),
    column.choice("mode", options({ 0: "Synchronous", 1: "Asynchronous" }), { defaultValue: 0 }),
    column.choice(
      "stage",
      options({ 5: "Initial Pre-operation (For internal use only)", 10: "Pre-validation", 15: "Internal" }).concat(
        options({ 20: "Pre-operation", 25: "Internal", 30: "Main Operation", 35: "Internal", 40: "Post-operation" }),
        options({ 45: "Internal", 50: "Post-operation (Deprecated)", 55: "Internal", 80: "Internal", 90: "Internal" }),
      ),
    ),
    column.integer("rank", { minValue: 0 }),
    column.string("filteringattributes", { maxLength: 100_000 }),
    column.boolean("asyncautodelete", { defaultValue: false }),
    column.choice("supporteddeployment", options({ 0: "Server Only", 1: "Client Only", 2: "Both" }), {
      defaultValue: 0,
    }),
    column.choice("invocationsource", options({ [-1]: "Internal", 0: "Parent", 1: "Child" }), { defaultValue: 0 }),
    column.lookup("eventhandler", ["plugintype", "serviceendpoint"]),
    column.lookup("sdkmessageid", ["sdkmessage"]),
    column.lookup("sdkmessagefilterid", ["sdkmessagefilter"]),
    column.lookup("impersonatinguserid", ["systemuser"]),
    column.memo("configuration", { maxLength: 1_073_741_823 }),
  ],
};

const sdkMessageProcessingStepImage: TableSpec = {
  ...organizationOwned,
  logicalName: "sdkmessageprocessingstepimage",
  entitySetName: "sdkmessageprocessingstepimages",
  displayName: "Sdk Message Processing Step Image",
  primaryNameAttribute: "name",
  columns: [
    column.string("name", { maxLength: 256 }),
    column.string("entityalias", { maxLength: 256 }),
    column.choice("imagetype", options({ 0: "PreImage", 1: "PostImage", 2: "Both" }), { defaultValue: 0 }),
    column.string("messagepropertyname", { maxLength: 256 }),
    column.string("attributes", { maxLength: 100_000 }),
    column.lookup("sdkmessageprocessingstepid", [{ table: "sdkmessageprocessingstep", onDelete: "Cascade" }]),
  ],
};

export const webhookTables: readonly TableSpec[] = [
  serviceEndpoint,
  pluginType,
  sdkMessage,
  sdkMessageFilter,
  sdkMessageProcessingStep,
  sdkMessageProcessingStepImage,
];
