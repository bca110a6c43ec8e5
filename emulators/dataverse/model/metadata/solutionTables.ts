/**
 * Platform tables that solution import and webhook delivery write to: system jobs (§3.2, §3.4: statuscode 31 Failed),
 * import jobs (the progress of ImportSolutionAsync), web resources, solutions, publishers and custom controls.
 */
import { column } from "./columns";
import type { ChoiceOption, TableSpec } from "./types";

const organizationOwned = { isCustomEntity: false, solution: "System", ownershipType: "OrganizationOwned" } as const;

/** System job states and status reasons; 31 Failed is the one webhook failures are recorded with (§3.4). */
const asyncOperationStates = {
  states: [
    { value: 0, label: "Ready", defaultStatus: 0 },
    { value: 1, label: "Suspended", defaultStatus: 10 },
    { value: 2, label: "Locked", defaultStatus: 20 },
    { value: 3, label: "Completed", defaultStatus: 30 },
  ],
  statuses: [
    { value: 0, label: "Waiting For Resources", state: 0 },
    { value: 10, label: "Waiting", state: 1 },
    { value: 20, label: "In Progress", state: 2 },
    { value: 21, label: "Pausing", state: 2 },
    { value: 22, label: "Canceling", state: 2 },
    { value: 30, label: "Succeeded", state: 3 },
    { value: 31, label: "Failed", state: 3 },
    { value: 32, label: "Canceled", state: 3 },
  ],
};

const webResourceTypes: ChoiceOption[] = [
  "Webpage (HTML)",
  "Style Sheet (CSS)",
  "Script (JScript)",
  "Data (XML)",
  "PNG format",
  "JPG format",
  "GIF format",
  "Silverlight (XAP)",
  "Style Sheet (XSL)",
  "ICO format",
  "Vector format (SVG)",
  "String (RESX)",
].map((label, index) => ({ value: index + 1, label }));

const asyncOperation: TableSpec = {
  isCustomEntity: false,
  solution: "System",
  logicalName: "asyncoperation",
  entitySetName: "asyncoperations",
  displayName: "System Job",
  primaryNameAttribute: "name",
  isOptimisticConcurrencyEnabled: false,
  stateModel: asyncOperationStates,
  columns: [
    column.string("name", { maxLength: 256 }),
    column.string("messagename", { maxLength: 256 }),
    column.string("primaryentitytype", { maxLength: 100 }),
    column.memo("friendlymessage", { maxLength: 1_073_741_823 }),
    column.integer("errorcode"),
    column.memo("message", { maxLength: 1_073_741_823 }),
    column.dateTime("startedon"),
    column.dateTime("completedon"),
    column.uniqueidentifier("correlationid"),
    column.integer("depth", { minValue: 0 }),
    column.lookup("owningextensionid", ["sdkmessageprocessingstep"]),
  ],
};

/**
 * The import job of a solution import (Microsoft's ImportJob table reference): `progress` in percent (Edm.Double
 * there; a two-decimal number here), the solution's unique name, and `data`, the import log.
 */
const importJob: TableSpec = {
  ...organizationOwned,
  logicalName: "importjob",
  entitySetName: "importjobs",
  displayName: "Import Job",
  primaryNameAttribute: "name",
  columns: [
    column.string("name", { maxLength: 256 }),
    column.string("solutionname", { maxLength: 256 }),
    column.decimal("progress", { minValue: 0, maxValue: 100 }),
    column.memo("data", { maxLength: 1_073_741_823 }),
    column.dateTime("startedon"),
    column.dateTime("completedon"),
  ],
};

const webResource: TableSpec = {
  ...organizationOwned,
  logicalName: "webresource",
  entitySetName: "webresourceset",
  displayName: "Web Resource",
  primaryNameAttribute: "name",
  columns: [
    column.string("name", { maxLength: 100, requiredLevel: "SystemRequired" }),
    column.string("displayname", { maxLength: 200 }),
    column.choice("webresourcetype", webResourceTypes, { requiredLevel: "SystemRequired" }),
    // Base64 of the file; solution import writes it as it finds it in the zip.
    column.memo("content", { maxLength: 1_073_741_823 }),
    column.memo("description", { maxLength: 2000 }),
    column.boolean("ismanaged", { createOnly: true }),
  ],
};

const publisher: TableSpec = {
  ...organizationOwned,
  logicalName: "publisher",
  entitySetName: "publishers",
  displayName: "Publisher",
  primaryNameAttribute: "friendlyname",
  columns: [
    column.string("uniquename", { maxLength: 256, requiredLevel: "SystemRequired", createOnly: true }),
    column.string("friendlyname", { maxLength: 256 }),
    column.string("customizationprefix", { maxLength: 8 }),
    column.integer("customizationoptionvalueprefix", { minValue: 10_000, maxValue: 99_999 }),
    column.memo("description", { maxLength: 2000 }),
  ],
};

const solution: TableSpec = {
  ...organizationOwned,
  logicalName: "solution",
  entitySetName: "solutions",
  displayName: "Solution",
  primaryNameAttribute: "friendlyname",
  columns: [
    column.string("uniquename", { maxLength: 65, requiredLevel: "SystemRequired", createOnly: true }),
    column.string("friendlyname", { maxLength: 256 }),
    column.string("version", { maxLength: 256 }),
    column.boolean("ismanaged", { createOnly: true }),
    column.lookup("publisherid", ["publisher"]),
    column.memo("description", { maxLength: 2000 }),
    column.dateTime("installedon"),
  ],
};

const customControl: TableSpec = {
  ...organizationOwned,
  logicalName: "customcontrol",
  entitySetName: "customcontrols",
  displayName: "Custom Control",
  primaryNameAttribute: "name",
  columns: [
    column.string("name", { maxLength: 100, requiredLevel: "SystemRequired" }),
    column.memo("manifest", { maxLength: 1_073_741_823 }),
    column.string("compatibledatatypes", { maxLength: 1000 }),
    column.string("version", { maxLength: 100 }),
  ],
};

export const solutionTables: readonly TableSpec[] = [
  asyncOperation,
  importJob,
  webResource,
  publisher,
  solution,
  customControl,
];
