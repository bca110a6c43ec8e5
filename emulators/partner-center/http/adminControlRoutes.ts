/**
 * Admin routes that steer the emulator itself: the clock (only a ManualClock can be moved), fault rules (429 with
 * Retry-After, 5xx, latency, dropped connections; shared/reference/partner-center.md §1.7) and the request log that
 * tests and benchmarks count calls with. The routes are the shared ones (shared/admin/controlRoutes.ts); what is
 * Partner Center's own is the answer to a clock move, which names the invitations it expired (§1.5).
 */
import type { Router } from "../../http";
import { registerClockFaultAndLogRoutes } from "../../shared/admin/controlRoutes";
import type { ClockChange } from "../adminTypes";
import type { AdminContext } from "./adminContext";
import { withKnownErrors } from "./errors";

/** Adds /admin/clock, /admin/faults and /admin/requests. */
export function registerControlRoutes(router: Router, context: AdminContext): Router {
  return registerClockFaultAndLogRoutes(router, {
    clock: context.clock,
    faults: context.faults,
    log: context.log,
    withKnownErrors,
    clockMoved: (): ClockChange => ({ now: context.clock.now().toISOString(), expired: context.expireDue() }),
    advanceExample: '{"days":14}',
  });
}
