/**
 * The panel's DataverseReader over the real Dataverse emulator, built the way a PCF host builds context.webAPI:
 * `GET {api}/{entitySet}({id}){options}` and `GET {api}/{entitySet}{options}` with the seller's token.
 */
import type { DataverseRow } from "../../../core";
import type { DataverseReader } from "../../../controls/CoSellPanel/data/dataverse";

const entitySets: Readonly<Record<string, string>> = {
  opportunity: "opportunities",
  environmentvariabledefinition: "environmentvariabledefinitions",
  csb_partnercentersolution: "csb_partnercentersolutions",
};

export interface RecordingReader extends DataverseReader {
  /** The URLs requested, in order, relative to the Web API root. */
  readonly requests: string[];
}

export function emulatorReader(apiUrl: string, token: string): RecordingReader {
  const requests: string[] = [];
  const get = async (path: string): Promise<unknown> => {
    requests.push(path);
    const response = await fetch(`${apiUrl}/${path}`, {
      headers: { authorization: `Bearer ${token}`, accept: "application/json", "OData-Version": "4.0" },
    });
    const body = (await response.json()) as { error?: { message?: string } };
    // Like Xrm.WebApi, a failed call rejects with the Web API's error message.
    if (!response.ok) throw new Error(body.error?.message ?? `HTTP ${String(response.status)}`);
    return body;
  };
  const setOf = (entity: string) => entitySets[entity] ?? `${entity}s`;
  return {
    requests,
    retrieveRecord: async (entity, id, options) => (await get(`${setOf(entity)}(${id})${options}`)) as DataverseRow,
    retrieveMultiple: async (entity, options) =>
      ((await get(`${setOf(entity)}${options}`)) as { value: DataverseRow[] }).value,
  };
}
