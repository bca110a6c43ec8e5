/**
 * Webhook registrations (shared/reference/dataverse.md §3.1, §3.2): service endpoints, message filters for custom
 * tables, processing steps and their images, each under the id of the zip. An endpoint's auth value is never part of
 * a solution, so the import never writes it: a new endpoint has none (isauthvalueset false) and a re-import keeps the
 * one the admin set. A step's state is left alone too, so a step the admin disabled stays disabled.
 */
import type { SolutionServiceEndpoint, StepImage } from "../solution";
import { writeComponent, type ApplyContext } from "./applyContext";
import { findRows, quoted, type RowBinding } from "./rowWrites";
import type { FilterBinding, ResolvedStep } from "./stepPlan";

/** Creates or updates the endpoints of the zip, leaving `authvalue` as it is. */
export function writeServiceEndpoints(context: ApplyContext, endpoints: readonly SolutionServiceEndpoint[]): void {
  for (const endpoint of endpoints) {
    writeComponent(context, "serviceEndpoint", endpoint.name, {
      table: "serviceendpoint",
      id: endpoint.id,
      fields: {
        name: endpoint.name,
        description: endpoint.description ?? null,
        url: endpoint.url ?? null,
        contract: endpoint.contract,
        authtype: endpoint.authType ?? null,
        messageformat: endpoint.messageFormat ?? null,
        userclaim: endpoint.userClaim ?? null,
        connectionmode: endpoint.connectionMode ?? null,
        path: endpoint.path ?? null,
        solutionnamespace: endpoint.solutionNamespace ?? null,
        namespaceaddress: endpoint.namespaceAddress ?? null,
      },
    });
  }
}

function filterBinding(
  context: ApplyContext,
  resolved: ResolvedStep,
  created: Map<string, string>,
): RowBinding | undefined {
  const { filter, message } = resolved;
  if (filter.kind === "none") return undefined;
  const id = filter.kind === "existing" ? filter.id : createFilter(context, filter, message, created);
  return { column: "sdkmessagefilterid", navigation: "sdkmessagefilterid", entitySet: "sdkmessagefilters", id };
}

/** Creates the message filter of a custom table once, however many steps use it. */
function createFilter(
  context: ApplyContext,
  filter: Extract<FilterBinding, { kind: "create" }>,
  message: ResolvedStep["message"],
  created: Map<string, string>,
): string {
  const key = `${message.id}/${filter.table}`;
  const known = created.get(key);
  if (known !== undefined) return known;
  const name = `${message.name} of ${filter.table}`;
  const { id } = writeComponent(context, "sdkMessageFilter", name, {
    table: "sdkmessagefilter",
    id: undefined,
    fields: { name, primaryobjecttypecode: filter.table, secondaryobjecttypecode: "none" },
    bindings: [{ column: "sdkmessageid", navigation: "sdkmessageid", entitySet: "sdkmessages", id: message.id }],
  });
  created.set(key, id);
  return id;
}

/** Creates or updates the steps (bound to their message, filter and handler) and their images. */
export function writeSteps(context: ApplyContext, steps: readonly ResolvedStep[]): void {
  const createdFilters = new Map<string, string>();
  for (const resolved of steps) {
    const { step } = resolved;
    const filter = filterBinding(context, resolved, createdFilters);
    const message = {
      column: "sdkmessageid",
      navigation: "sdkmessageid",
      entitySet: "sdkmessages",
      id: resolved.message.id,
    };
    writeComponent(context, "step", step.name, {
      table: "sdkmessageprocessingstep",
      id: step.id,
      fields: {
        name: step.name,
        description: step.description ?? null,
        stage: step.stage,
        mode: step.mode,
        rank: step.rank,
        filteringattributes: step.filteringAttributes.length === 0 ? null : step.filteringAttributes.join(","),
        asyncautodelete: step.asyncAutoDelete,
        supporteddeployment: step.supportedDeployment,
        invocationsource: step.invocationSource ?? 0,
      },
      bindings: [message, resolved.handler, ...(filter === undefined ? [] : [filter])],
    });
    for (const image of step.images) writeImage(context, step.id, step.name, image);
  }
}

function writeImage(context: ApplyContext, stepId: string, stepName: string, image: StepImage): void {
  // An image without an id in the zip is found again by its step and alias.
  const sameAlias = `_sdkmessageprocessingstepid_value eq ${stepId} and entityalias eq ${quoted(image.entityAlias)}`;
  const found = findRows(context.organization, "sdkmessageprocessingstepimage", sameAlias)[0];
  const foundId =
    typeof found?.sdkmessageprocessingstepimageid === "string" ? found.sdkmessageprocessingstepimageid : undefined;
  writeComponent(context, "stepImage", `${stepName}/${image.entityAlias}`, {
    table: "sdkmessageprocessingstepimage",
    id: image.id ?? foundId,
    fields: {
      name: image.name ?? image.entityAlias,
      entityalias: image.entityAlias,
      imagetype: image.imageType,
      messagepropertyname: image.messagePropertyName ?? null,
      // No attributes means every column, as the Plug-in Registration tool writes it.
      attributes: image.attributes.length === 0 ? null : image.attributes.join(","),
    },
    bindings: [
      {
        column: "sdkmessageprocessingstepid",
        navigation: "sdkmessageprocessingstepid",
        entitySet: "sdkmessageprocessingsteps",
        id: stepId,
      },
    ],
  });
}
