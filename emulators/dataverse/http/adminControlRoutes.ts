/**
 * Admin routes that steer the emulator itself: the clock (only a ManualClock can be moved), fault rules (latency,
 * 429, 5xx, dropped connections), service protection limits (dataverse.md §4.4) and the request log that tests and
 * benchmarks count calls with. Clock, faults and request log are the shared routes (shared/admin/controlRoutes.ts);
 * service protection is Dataverse's own.
 */
import { json, type Router } from "../../http";
import {
  asAdminInput,
  objectBody,
  onlyMembers,
  optionalBoolean,
  optionalNumber,
  type JsonObject,
} from "../../shared/admin/adminInput";
import { clockStateOf, registerClockFaultAndLogRoutes } from "../../shared/admin/controlRoutes";
import type { ServiceProtectionState } from "../adminTypes";
import type { AdminContext } from "./adminContext";
import { withKnownErrors } from "./errors";

/** Adds /admin/clock, /admin/faults, /admin/service-protection and /admin/requests. */
export function registerControlRoutes(router: Router, context: AdminContext): Router {
  registerClockFaultAndLogRoutes(router, {
    clock: context.clock,
    faults: context.faults,
    log: context.log,
    withKnownErrors,
    clockMoved: () => clockStateOf(context.clock),
    advanceExample: '{"minutes":5}',
  });
  const protection = (): ServiceProtectionState => {
    const limits = context.protection.limits;
    return { enabled: limits !== undefined, limits: limits ?? null };
  };
  return router
    .add("GET", "/admin/service-protection", () => json(200, protection()))
    .add(
      "PUT",
      "/admin/service-protection",
      withKnownErrors(async (request) => {
        const body = await objectBody(request);
        onlyMembers(body, ["enabled", "requestsPerWindow", "windowMs", "concurrentRequests"]);
        const enabled = optionalBoolean(body, "enabled");
        const limits = {
          ...numberMember(body, "requestsPerWindow"),
          ...numberMember(body, "windowMs"),
          ...numberMember(body, "concurrentRequests"),
        };
        asAdminInput(() => context.protection.configure(enabled === false ? false : limits));
        return json(200, protection());
      }),
    );
}

function numberMember(body: JsonObject, name: string): Record<string, number> {
  const value = optionalNumber(body, name);
  return value === undefined ? {} : { [name]: value };
}
