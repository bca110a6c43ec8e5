/**
 * Reading a RemoteExecutionContext as the webhook receiver gets it (dataverse.md §3.3): its members in the order of
 * the official example, the `{key, value}` lists, and the DataContract encodings of typed values to compare with.
 */

export type Json = Record<string, unknown>;

/** One entry of a DataContract dictionary (InputParameters, Attributes, images...). */
export interface KeyValue {
  key: string;
  value: unknown;
}

export const CONTRACTS = "http://schemas.microsoft.com/xrm/2011/Contracts";
export { REFERENCE_MEMBERS } from "../../../support/remoteExecutionContext";

export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A `{key, value}` list as a map. */
export function entries(list: unknown): Map<string, unknown> {
  return new Map((list as KeyValue[]).map((entry) => [entry.key, entry.value]));
}

/** The Target input parameter. */
export function target(body: Json): Json {
  return entries(body.InputParameters).get("Target") as Json;
}

/** An EntityReference as the body encodes it. */
export function reference(logicalName: string, id: string): Json {
  return {
    __type: `EntityReference:${CONTRACTS}`,
    Id: id,
    KeyAttributes: [],
    LogicalName: logicalName,
    Name: null,
    RowVersion: null,
  };
}

/** An OptionSetValue as the body encodes it. */
export function optionSetValue(value: number): Json {
  return { __type: `OptionSetValue:${CONTRACTS}`, Value: value };
}

/** A DateTime as the body encodes it (after JSON parsing: `/Date(ms)/`). */
export function dateOf(iso: string): string {
  return `/Date(${Date.parse(iso)})/`;
}
