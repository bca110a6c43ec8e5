/**
 * Which registered steps fire for a change (dataverse.md §3.2): enabled, same message and table, PostOperation, and
 * for Update "if at least one of these attributes is modified" when `filteringattributes` is set.
 */
import type { ChangeNotification } from "./change-notification";
import {
  parseAttributeList,
  sameGuid,
  ServiceEndpointContract,
  StepStage,
  type ServiceEndpointRegistration,
  type StepRegistration,
  type WebhookRegistrations,
} from "./registrations";

/** The filter only applies to Update (§3.2: "Only for Update"). */
const FILTERED_MESSAGE = "Update";

function touchesFilteredColumn(notification: ChangeNotification, step: StepRegistration): boolean {
  if (notification.message !== FILTERED_MESSAGE) return true;
  const filter = parseAttributeList(step.filteringattributes);
  // An empty or null list means "all attributes", the Plug-in Registration tool's default.
  if (filter.length === 0) return true;
  const changed = new Set(notification.changedAttributes.map((name) => name.toLowerCase()));
  return filter.some((name) => changed.has(name));
}

/**
 * The steps that fire for `notification`, ordered by `rank` (ties keep registration order). Only PostOperation (40)
 * steps are considered: the notification arrives once the change has been made, so earlier stages cannot be honoured.
 */
export function selectSteps(
  notification: ChangeNotification,
  steps: readonly StepRegistration[],
): readonly StepRegistration[] {
  const entityName = notification.entityName.toLowerCase();
  return steps
    .filter(
      (step) =>
        step.enabled &&
        step.stage === StepStage.PostOperation &&
        step.message === notification.message &&
        step.primaryEntity.toLowerCase() === entityName &&
        touchesFilteredColumn(notification, step),
    )
    .map((step, index) => ({ step, index }))
    .sort((left, right) => left.step.rank - right.step.rank || left.index - right.index)
    .map(({ step }) => step);
}

/** A selected step together with the webhook endpoint that handles it. */
export interface WebhookStep {
  readonly step: StepRegistration;
  readonly endpoint: ServiceEndpointRegistration;
}

/**
 * The selected steps of one mode whose handler is a registered Webhook endpoint (contract 8). Steps handled by a
 * plug-in type or another kind of service endpoint are not this module's to call.
 */
export function selectWebhookSteps(
  notification: ChangeNotification,
  registrations: WebhookRegistrations,
  mode: 0 | 1,
): readonly WebhookStep[] {
  return selectSteps(notification, registrations.steps)
    .filter((step) => step.mode === mode)
    .flatMap((step) => {
      const endpoint = registrations.serviceEndpoints.find(
        (candidate) =>
          candidate.contract === ServiceEndpointContract.Webhook &&
          sameGuid(candidate.serviceendpointid, step.eventHandlerServiceEndpointId),
      );
      return endpoint === undefined ? [] : [{ step, endpoint }];
    });
}
