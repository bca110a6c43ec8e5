/**
 * context.webAPI (and the reads of the scripts' Xrm.WebApi) over the host's Web API proxy: retrieveRecord and
 * retrieveMultipleRecords take OData query options exactly as Dataverse does ("?$select=...&$filter=...", a
 * nextLink's query for the next page) and give back what the Web API returns. Table logical names become entity set
 * names through EntityDefinitions, as the platform does. The writing methods are not part of the CoSellPanel contract
 * (the form saves bound columns), so they refuse.
 */
import { callWebApi, WebApiError } from "./dataverseClient";
import { reportContractBreach } from "./contractGuard";

export type WebApiReads = Pick<ComponentFramework.WebApi, "retrieveRecord" | "retrieveMultipleRecords">;

export function createWebApi(): ComponentFramework.WebApi {
  const refuse = (method: string) => () => {
    reportContractBreach(`context.webAPI.${method}`);
    return Promise.reject(new WebApiError(`webAPI.${method} is not available to the CoSellPanel.`, 0, "", 0));
  };
  return {
    ...createWebApiReads(),
    createRecord: refuse("createRecord"),
    updateRecord: refuse("updateRecord"),
    deleteRecord: refuse("deleteRecord"),
  };
}

/** The two reads, shared by PCF's webAPI and Xrm.WebApi, which take the same arguments. */
export function createWebApiReads(): WebApiReads {
  const entitySets = new Map<string, Promise<string>>();

  function entitySetOf(logicalName: string): Promise<string> {
    let set = entitySets.get(logicalName);
    if (set === undefined) {
      set = lookUpEntitySet(logicalName);
      entitySets.set(logicalName, set);
      set.catch(() => entitySets.delete(logicalName));
    }
    return set;
  }

  return {
    async retrieveRecord(entityType, id, options) {
      const set = await entitySetOf(entityType);
      const answer = await callWebApi("GET", `${set}(${bareId(id)})${queryOf(options)}`);
      return answer.body ?? {};
    },
    async retrieveMultipleRecords(entityType, options, maxPageSize) {
      const set = await entitySetOf(entityType);
      const prefer = maxPageSize === undefined ? [] : [`odata.maxpagesize=${maxPageSize}`];
      const answer = await callWebApi("GET", `${set}${queryOf(options)}`, { prefer });
      const value = answer.body?.value;
      const nextLink = answer.body?.["@odata.nextLink"];
      return {
        entities: Array.isArray(value) ? (value as ComponentFramework.WebApi.Entity[]) : [],
        // PCF declares nextLink as a string; it is absent on the last page, as on the platform.
        ...(typeof nextLink === "string" ? { nextLink } : {}),
      } as ComponentFramework.WebApi.RetrieveMultipleResponse;
    },
  };
}

async function lookUpEntitySet(logicalName: string): Promise<string> {
  const filter = encodeURIComponent(`LogicalName eq '${logicalName.replace(/'/g, "''")}'`);
  const answer = await callWebApi("GET", `EntityDefinitions?$select=LogicalName,EntitySetName&$filter=${filter}`);
  const [table] = (answer.body?.value ?? []) as { EntitySetName?: unknown }[];
  if (typeof table?.EntitySetName !== "string") {
    throw new WebApiError(
      `There is no table named '${logicalName}' in this organization.`,
      404,
      "0x80040217",
      0x80040217,
    );
  }
  return table.EntitySetName;
}

/** "?$select=a" or "$select=a" → "?$select=a"; a nextLink's query works the same way. */
function queryOf(options: string | undefined): string {
  if (options === undefined || options === "") return "";
  return options.startsWith("?") ? options : `?${options}`;
}

function bareId(id: string): string {
  return id.replace(/[{}]/g, "").toLowerCase();
}
