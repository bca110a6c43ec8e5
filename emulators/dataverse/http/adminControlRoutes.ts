/**
 * Admin routes that steer the emulator itself: the clock (only a ManualClock can be moved), fault rules (latency,
 * 429, 5xx, dropped connections), service protection limits (dataverse.md §4.4) and the request log that tests and
 * benchmarks count calls with.
 */
import { HttpError, json, noContent, type FaultRule, type RequestLogEntry, type Router } from "../../http";
import { ManualClock } from "../../shared/clock";
import type { ClockState, RequestLogPage, ServiceProtectionState } from "../adminTypes";
import type { AdminContext } from "./adminContext";
import {
  asAdminInput,
  objectBody,
  onlyMembers,
  optionalBoolean,
  optionalNumber,
  requiredText,
  type JsonObject,
} from "./adminInput";
import { AdminInputError, withKnownErrors } from "./errors";

const UNIT_MS: Readonly<Record<string, number>> = {
  ms: 1,
  seconds: 1_000,
  minutes: 60_000,
  hours: 3_600_000,
  days: 86_400_000,
};

/** Adds /admin/clock, /admin/faults, /admin/service-protection and /admin/requests. */
export function registerControlRoutes(router: Router, context: AdminContext): Router {
  const clockState = (): ClockState => ({
    now: context.clock.now().toISOString(),
    manual: context.clock instanceof ManualClock,
  });
  const protection = (): ServiceProtectionState => {
    const limits = context.protection.limits;
    return { enabled: limits !== undefined, limits: limits ?? null };
  };
  return router
    .add("GET", "/admin/clock", () => json(200, clockState()))
    .add(
      "PUT",
      "/admin/clock",
      withKnownErrors(async (request) => {
        const to = requiredText(await objectBody(request), "now");
        if (Number.isNaN(Date.parse(to))) throw new AdminInputError(`'now' must be an ISO 8601 date; got '${to}'.`);
        manualClock(context).set(to);
        return json(200, clockState());
      }),
    )
    .add(
      "POST",
      "/admin/clock/advance",
      withKnownErrors(async (request) => {
        const milliseconds = advanceMs(await objectBody(request));
        asAdminInput(() => manualClock(context).advance(milliseconds));
        return json(200, clockState());
      }),
    )
    .add("GET", "/admin/faults", () => json(200, { value: context.faults.list() }))
    .add(
      "POST",
      "/admin/faults",
      withKnownErrors(async (request) => {
        const rule = (await objectBody(request)) as unknown as FaultRule;
        if (typeof rule.fault !== "object") throw new AdminInputError('\'fault\' is required, e.g. {"kind":"drop"}.');
        return json(201, { id: asAdminInput(() => context.faults.add(rule)) });
      }),
    )
    .add("DELETE", "/admin/faults", () => {
      context.faults.clear();
      return noContent();
    })
    .add("DELETE", "/admin/faults/:id", (request) => {
      const id = request.params.id ?? "";
      if (context.faults.remove(id)) return noContent();
      throw new HttpError(404, "NotFound", `No fault rule has the id '${id}' (it may have run out).`);
    })
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
    )
    .add(
      "GET",
      "/admin/requests",
      withKnownErrors((request) => {
        const matches = requestFilter(request.query);
        const entries = context.log.entries().filter(matches);
        const page: RequestLogPage = { count: entries.length, entries };
        return json(200, page);
      }),
    )
    .add("DELETE", "/admin/requests", () => {
      context.log.reset();
      return noContent();
    });
}

function numberMember(body: JsonObject, name: string): Record<string, number> {
  const value = optionalNumber(body, name);
  return value === undefined ? {} : { [name]: value };
}

/** The ManualClock, or 409: a system clock can't be moved. */
function manualClock(context: AdminContext): ManualClock {
  if (context.clock instanceof ManualClock) return context.clock;
  throw new HttpError(
    409,
    "Conflict",
    "The emulator runs on the system clock, which can't be moved; start it with a ManualClock (--manual-clock).",
  );
}

function advanceMs(body: JsonObject): number {
  let total = 0;
  for (const [unit, factor] of Object.entries(UNIT_MS)) total += (optionalNumber(body, unit) ?? 0) * factor;
  const known = Object.keys(body).every((key) => Object.hasOwn(UNIT_MS, key));
  if (!known || total <= 0) {
    throw new AdminInputError('Give a positive amount in ms, seconds, minutes, hours and/or days, e.g. {"minutes":5}.');
  }
  return total;
}

/** ?method=GET&pathPrefix=/api/data/&status=200 */
function requestFilter(query: Readonly<Record<string, string>>): (entry: RequestLogEntry) => boolean {
  const method = query.method?.toUpperCase();
  const { pathPrefix } = query;
  const status = query.status === undefined ? undefined : Number(query.status);
  if (status !== undefined && !Number.isInteger(status)) {
    throw new AdminInputError(`'status' must be a whole number; got '${query.status ?? ""}'.`);
  }
  return (entry) =>
    (method === undefined || entry.method === method) &&
    (pathPrefix === undefined || entry.path.startsWith(pathPrefix)) &&
    (status === undefined || entry.status === status);
}
