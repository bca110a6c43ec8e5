/**
 * Admin routes over webhook delivery (shared/reference/partner-center.md §2.5): the delivery log, the offline queue
 * that deliveries land in after 10 failed attempts and its redelivery, pausing to build a burst, and the duplicate
 * and out-of-order switches a receiver must survive.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { HttpError, json, noContent, type Router } from "../../http";
import {
  AdminInputError,
  asAdminInput,
  objectBody,
  optionalNumber,
  optionalObject,
  type JsonObject,
} from "../../shared/admin/adminInput";
import type { DeliverySettings, DispatcherStatus, RedeliveryResult } from "../adminTypes";
import type { BackoffPolicy, BehaviourChanges } from "../webhooks";
import type { AdminContext } from "./adminContext";
import { withKnownErrors } from "./errors";

const BASE = "/admin/webhooks";
const DEFAULT_IDLE_TIMEOUT_MS = 30_000;

/** Adds /admin/webhooks/... */
export function registerWebhookAdminRoutes(router: Router, context: AdminContext): Router {
  const { dispatcher, registrations } = context.webhooks;
  const status = (): DispatcherStatus => ({ paused: dispatcher.paused, certificateUrl: dispatcher.certificateUrl });
  return router
    .add("GET", `${BASE}/registrations`, () => {
      const value = [...registrations.entries()].map(([tenantId, registration]) => ({ tenantId, registration }));
      return json(200, { value });
    })
    .add("GET", `${BASE}/deliveries`, () => json(200, { value: dispatcher.deliveryLog() }))
    .add("GET", `${BASE}/offline`, () => json(200, { value: dispatcher.offlineQueue() }))
    .add("POST", `${BASE}/offline/redeliver`, () => {
      const waiting = dispatcher.offlineQueue().map((delivery) => delivery.deliveryId);
      const result: RedeliveryResult = { redelivered: waiting.filter((id) => dispatcher.redeliver(id)) };
      return json(202, result);
    })
    .add("POST", `${BASE}/offline/:deliveryId/redeliver`, (request) => {
      const deliveryId = request.params.deliveryId ?? "";
      if (!dispatcher.redeliver(deliveryId)) {
        throw new HttpError(404, "NotFound", `No delivery '${deliveryId}' is in the offline queue.`);
      }
      const result: RedeliveryResult = { redelivered: [deliveryId] };
      return json(202, result);
    })
    .add("GET", `${BASE}/dispatcher`, () => json(200, status()))
    .add(
      "PATCH",
      `${BASE}/dispatcher`,
      withKnownErrors(async (request) => {
        const changes = behaviourChanges(await objectBody(request));
        asAdminInput(() => {
          dispatcher.configure(changes);
        });
        return json(200, status());
      }),
    )
    .add("POST", `${BASE}/dispatcher/pause`, () => {
      dispatcher.pause();
      return json(200, status());
    })
    .add("POST", `${BASE}/dispatcher/resume`, () => {
      dispatcher.resume();
      return json(200, status());
    })
    .add(
      "POST",
      `${BASE}/idle`,
      withKnownErrors(async (request) => {
        const timeoutMs = Number(request.query.timeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS);
        if (!(timeoutMs > 0)) throw new AdminInputError("'timeoutMs' must be a positive number of milliseconds.");
        const abort = new AbortController();
        const timedOut = sleep(timeoutMs, "timeout", { signal: abort.signal }).catch(() => "cancelled");
        const outcome = await Promise.race([dispatcher.idle().then(() => "idle"), timedOut]);
        abort.abort();
        if (outcome === "idle") return noContent();
        throw new HttpError(504, "GatewayTimeout", `Deliveries were still under way after ${timeoutMs} ms.`);
      }),
    );
}

/** The JSON-expressible delivery settings; `isDelivered` stays as configured at start. */
function behaviourChanges(body: JsonObject): BehaviourChanges {
  const known = ["duplicates", "outOfOrder", "maxAttempts", "timeoutMs", "backoff"];
  const unknown = Object.keys(body).filter((key) => !known.includes(key));
  if (unknown.length > 0) throw new AdminInputError(`Unknown delivery setting(s): ${unknown.join(", ")}.`);
  const duplicates = optionalNumber(body, "duplicates");
  const maxAttempts = optionalNumber(body, "maxAttempts");
  const timeoutMs = optionalNumber(body, "timeoutMs");
  const backoff = backoffChanges(optionalObject(body, "backoff"));
  const outOfOrder = outOfOrderSetting(body.outOfOrder);
  return {
    ...(duplicates === undefined ? {} : { duplicates }),
    ...(maxAttempts === undefined ? {} : { maxAttempts }),
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    ...(backoff === undefined ? {} : { backoff }),
    ...(outOfOrder === undefined ? {} : { outOfOrder }),
  };
}

function backoffChanges(body: JsonObject | undefined): Partial<BackoffPolicy> | undefined {
  if (body === undefined) return undefined;
  const baseDelayMs = optionalNumber(body, "baseDelayMs");
  const factor = optionalNumber(body, "factor");
  const maxDelayMs = optionalNumber(body, "maxDelayMs");
  return {
    ...(baseDelayMs === undefined ? {} : { baseDelayMs }),
    ...(factor === undefined ? {} : { factor }),
    ...(maxDelayMs === undefined ? {} : { maxDelayMs }),
  };
}

function outOfOrderSetting(value: unknown): DeliverySettings["outOfOrder"] {
  if (value === undefined || value === false) return value;
  const window = typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
  const { windowMs, order } = window;
  if (typeof windowMs !== "number" || (order !== "reversed" && order !== "shuffled")) {
    throw new AdminInputError('\'outOfOrder\' must be false or {"windowMs": number, "order": "reversed"|"shuffled"}.');
  }
  return { windowMs, order };
}
