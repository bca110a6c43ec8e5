/**
 * One webhook step and its post-image (dataverse.md §3.2): an asynchronous (mode 1) post-operation (stage 40)
 * sdkmessageprocessingstep bound to the service endpoint, with `asyncautodelete` so successful system jobs don't pile
 * up (§3.4), and a PostImage (imagetype 1) whose message property is "Id" for Create and "Target" for Update.
 */
import { guid, literal } from "../http/odata";
import type { DataverseWebApi, Row } from "./webApi";

export type ComponentAction = "created" | "updated" | "unchanged";

export interface RegisteredComponent {
  readonly id: string;
  readonly action: ComponentAction;
}

export interface StepSpec {
  readonly name: string;
  readonly message: "Create" | "Update";
  readonly messageId: string;
  readonly filterId: string;
  readonly serviceEndpointId: string;
  /** Update only; null for every change. */
  readonly filteringAttributes: readonly string[] | null;
  /** null for every column. */
  readonly imageAttributes: readonly string[] | null;
}

const ASYNCHRONOUS = 1;
const POST_OPERATION = 40;
const SERVER_ONLY = 0;
const POST_IMAGE = 1;
export const IMAGE_ALIAS = "PostImage";

const STEP_COLUMNS = [
  "sdkmessageprocessingstepid",
  "mode",
  "stage",
  "rank",
  "supporteddeployment",
  "asyncautodelete",
  "filteringattributes",
  "statecode",
  "_eventhandler_value",
  "_sdkmessageid_value",
  "_sdkmessagefilterid_value",
];

export async function registerStep(
  api: DataverseWebApi,
  spec: StepSpec,
): Promise<{ step: RegisteredComponent; image: RegisteredComponent }> {
  const settings = {
    mode: ASYNCHRONOUS,
    stage: POST_OPERATION,
    rank: 1,
    supporteddeployment: SERVER_ONLY,
    asyncautodelete: true,
    filteringattributes: columnList(spec.filteringAttributes),
  };
  const bindings = {
    "eventhandler_serviceendpoint@odata.bind": `/serviceendpoints(${spec.serviceEndpointId})`,
    "sdkmessageid@odata.bind": `/sdkmessages(${spec.messageId})`,
    "sdkmessagefilterid@odata.bind": `/sdkmessagefilters(${spec.filterId})`,
  };
  const existing = await api.first("sdkmessageprocessingsteps", {
    $select: STEP_COLUMNS.join(","),
    $filter: `name eq ${literal(spec.name)}`,
  });
  let step: RegisteredComponent;
  if (existing === null) {
    step = {
      id: await api.create("sdkmessageprocessingsteps", { name: spec.name, ...settings, ...bindings }),
      action: "created",
    };
  } else {
    const id = guid(String(existing.sdkmessageprocessingstepid), "The step id");
    const same =
      matches(existing, settings) &&
      existing.statecode === 0 &&
      sameId(existing._eventhandler_value, spec.serviceEndpointId) &&
      sameId(existing._sdkmessageid_value, spec.messageId) &&
      sameId(existing._sdkmessagefilterid_value, spec.filterId);
    // A disabled step is enabled again: an admin who wants it off should remove the registration instead.
    if (!same)
      await api.update("sdkmessageprocessingsteps", id, { ...settings, ...bindings, statecode: 0, statuscode: 1 });
    step = { id, action: same ? "unchanged" : "updated" };
  }
  return { step, image: await registerImage(api, step.id, spec) };
}

async function registerImage(api: DataverseWebApi, stepId: string, spec: StepSpec): Promise<RegisteredComponent> {
  const wanted = {
    name: IMAGE_ALIAS,
    entityalias: IMAGE_ALIAS,
    imagetype: POST_IMAGE,
    messagepropertyname: spec.message === "Create" ? "Id" : "Target",
    attributes: columnList(spec.imageAttributes),
  };
  const existing = await api.first("sdkmessageprocessingstepimages", {
    $select: "sdkmessageprocessingstepimageid,name,entityalias,imagetype,messagepropertyname,attributes",
    $filter: `_sdkmessageprocessingstepid_value eq ${stepId} and entityalias eq ${literal(IMAGE_ALIAS)}`,
  });
  if (existing === null) {
    const id = await api.create("sdkmessageprocessingstepimages", {
      ...wanted,
      "sdkmessageprocessingstepid@odata.bind": `/sdkmessageprocessingsteps(${stepId})`,
    });
    return { id, action: "created" };
  }
  const id = guid(String(existing.sdkmessageprocessingstepimageid), "The step image id");
  if (matches(existing, wanted)) return { id, action: "unchanged" };
  await api.update("sdkmessageprocessingstepimages", id, wanted);
  return { id, action: "updated" };
}

/** Lower-case, sorted and comma-separated, so the same columns in another order compare equal; null for "all". */
function columnList(columns: readonly string[] | null): string | null {
  if (columns === null) return null;
  const names = [...new Set(columns.map((name) => name.trim().toLowerCase()).filter((name) => name !== ""))];
  return names.length === 0 ? null : names.sort().join(",");
}

function matches(row: Row, wanted: Readonly<Record<string, unknown>>): boolean {
  return Object.entries(wanted).every(([key, value]) => {
    const actual = row[key] ?? null;
    if (key === "filteringattributes" || key === "attributes") {
      return columnList(typeof actual === "string" ? actual.split(",") : null) === value;
    }
    return actual === value;
  });
}

function sameId(actual: unknown, expected: string): boolean {
  return typeof actual === "string" && actual.toLowerCase() === expected.toLowerCase();
}
