/**
 * Admin routes of the webhook side (dataverse.md §3): the system jobs of asynchronous steps, the log of attempted
 * POSTs, waiting until nothing is in flight, and setting a service endpoint's key. Solutions never carry secrets,
 * so after ImportSolution the admin (here: the test or the demo) sets the webhook key; the answer only says that
 * a key is set.
 */
import { setTimeout as delay } from "node:timers/promises";
import { HttpError, json, noContent, type Router } from "../../http";
import { AdminInputError, objectBody, onlyMembers, requiredText } from "../../shared/admin/adminInput";
import type { AuthValueResult } from "../adminTypes";
import type { AdminContext } from "./adminContext";
import { withKnownErrors } from "./errors";

/** Adds /admin/asyncoperations, /admin/webhooks/... and /admin/serviceendpoints/:id/authvalue. */
export function registerWebhookAdminRoutes(router: Router, context: AdminContext): Router {
  return router
    .add(
      "GET",
      "/admin/asyncoperations",
      withKnownErrors((request) => {
        const text = request.query.statuscode;
        const statuscode = text === undefined ? undefined : Number(text);
        if (statuscode !== undefined && !Number.isInteger(statuscode)) {
          throw new AdminInputError(`'statuscode' must be a whole number; got '${text ?? ""}'.`);
        }
        return json(200, { value: context.systemJobs.list(statuscode) });
      }),
    )
    .add("GET", "/admin/webhooks/deliveries", () => json(200, { value: context.deliveries.list() }))
    .add("DELETE", "/admin/webhooks/deliveries", () => {
      context.deliveries.clear();
      return noContent();
    })
    .add(
      "POST",
      "/admin/webhooks/idle",
      withKnownErrors(async (request) => {
        const timeoutMs = Number(request.query.timeoutMs ?? 30_000);
        if (!(Number.isFinite(timeoutMs) && timeoutMs > 0)) throw new AdminInputError("'timeoutMs' must be positive.");
        const timer = new AbortController();
        const settled = idle(context).then(() => "idle" as const);
        const outcome = await Promise.race([
          settled,
          delay(timeoutMs, "timeout" as const, { signal: timer.signal }).catch(() => "idle" as const),
        ]);
        timer.abort();
        if (outcome === "timeout") {
          throw new HttpError(504, "GatewayTimeout", `Webhook calls were still under way after ${timeoutMs} ms.`);
        }
        return noContent();
      }),
    )
    .add(
      "PUT",
      "/admin/serviceendpoints/:id/authvalue",
      withKnownErrors(async (request) => {
        const body = await objectBody(request);
        onlyMembers(body, ["authvalue"]);
        const authvalue = requiredText(body, "authvalue");
        const id = request.params.id ?? "";
        const scope = { correlationId: context.settings.ids.requests(), initiatingUserId: "" };
        const result = await context.coordinator.write(
          (org) => org.update("serviceendpoint", id, { authvalue }, { upsert: false }),
          scope,
        );
        const answer: AuthValueResult = { serviceendpointid: result.id, isauthvalueset: true };
        return json(200, answer);
      }),
    );
}

/**
 * Waits until no webhook call and no write is under way. A finished asynchronous step queues the write of its
 * system job, and a write can start webhook calls, so the two are waited for in turn, a few rounds.
 */
export async function idle(context: Pick<AdminContext, "caller" | "coordinator">): Promise<void> {
  for (let round = 0; round < 3; round += 1) {
    await context.caller.idle();
    await context.coordinator.idle();
  }
}
