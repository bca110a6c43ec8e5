/**
 * The record data of a RemoteExecutionContext: the `Target` input parameter and the entity images (dataverse.md §3.2,
 * §3.3). Dataverse removes InputParameters, PreEntityImages and PostEntityImages from bodies above 256 KB, so each
 * of them may be absent; the caller then reads the record itself.
 */
import { notAnExecutionContext } from "./errors";
import {
  decodeAttributes,
  isContract,
  type DecodedAttributes,
  type DecodedValue,
  type IntakeWarning,
} from "./data-contract-values";
import { describeJson, isGuid, isJsonObject, readKeyValueList, type JsonObject } from "./json-members";

/** Images by the name they were registered with (`entityalias`), e.g. `AsynchronousStepPrimaryName`. */
export type DecodedImages = Readonly<Record<string, DecodedAttributes>>;

/** The record the context is about, to check Target against. */
export interface PrimaryRecord {
  readonly entityName: string;
  readonly recordId: string;
}

const EMPTY_GUID = "00000000-0000-0000-0000-000000000000";

/** Members Dataverse removes from oversized bodies may also arrive as null; both mean "not sent". */
function sent(body: JsonObject, member: string): boolean {
  return Object.hasOwn(body, member) && body[member] !== null;
}

function attributeEntries(entity: JsonObject, at: string) {
  return readKeyValueList(Object.hasOwn(entity, "Attributes") ? entity.Attributes : undefined, `${at}.Attributes`);
}

function checkSameRecord(target: JsonObject, record: PrimaryRecord): void {
  const { LogicalName: logicalName, Id: id } = target;
  if (logicalName !== undefined && logicalName !== record.entityName) {
    const got = typeof logicalName === "string" ? `'${logicalName}'` : describeJson(logicalName);
    throw notAnExecutionContext(`Target.LogicalName is ${got} but PrimaryEntityName is '${record.entityName}'`);
  }
  // An empty or absent Target.Id is tolerated: the id of a new row is PrimaryEntityId (and OutputParameters' id).
  if (isGuid(id) && id !== EMPTY_GUID && id.toLowerCase() !== record.recordId) {
    throw notAnExecutionContext(`Target.Id is '${id}' but PrimaryEntityId is '${record.recordId}'`);
  }
}

/**
 * The attributes of the `Target` input parameter, or undefined when the body carries none (trimmed). Create and
 * Update send an Entity; Delete sends an EntityReference, which has no attributes.
 */
export function readTargetAttributes(
  body: JsonObject,
  record: PrimaryRecord,
  warnings: IntakeWarning[],
): Record<string, DecodedValue> | undefined {
  if (!sent(body, "InputParameters")) return undefined;
  const parameters = readKeyValueList(body.InputParameters, "InputParameters");
  const target = parameters.find((parameter) => parameter.key === "Target")?.value;
  if (target === undefined || target === null) return undefined;
  if (!isJsonObject(target)) throw notAnExecutionContext(`Target must be an object, got ${describeJson(target)}`);
  checkSameRecord(target, record);
  if (isContract(target, "EntityReference")) return {};
  if (target.__type !== undefined && !isContract(target, "Entity")) {
    throw notAnExecutionContext("Target must be an Entity or an EntityReference");
  }
  return decodeAttributes(attributeEntries(target, "Target"), "Target.Attributes", warnings);
}

/** `PreEntityImages` or `PostEntityImages` by image name; empty when not sent. */
export function readImages(
  body: JsonObject,
  member: "PreEntityImages" | "PostEntityImages",
  warnings: IntakeWarning[],
): DecodedImages {
  if (!sent(body, member)) return {};
  const images = readKeyValueList(body[member], member).map(({ key, value }) => {
    const at = `${member}[${key}]`;
    if (!isJsonObject(value)) throw notAnExecutionContext(`${at} must be an Entity, got ${describeJson(value)}`);
    return [key, decodeAttributes(attributeEntries(value, at), `${at}.Attributes`, warnings)] as const;
  });
  return Object.fromEntries(images);
}
