/**
 * The admin routes that steer an emulator itself, the same in both: the clock (only a ManualClock can be moved), fault
 * rules (429, 5xx, latency, dropped connections) and the request log that tests and benchmarks count calls with. The
 * emulator brings its own objects, its error shape and what moving its clock answers.
 */
import {
  HttpError,
  json,
  noContent,
  type FaultInjector,
  type FaultRule,
  type RequestLog,
  type RequestLogEntry,
  type RouteHandler,
  type Router,
} from "../../http";
import { ManualClock, type Clock } from "../clock";
import { AdminInputError, asAdminInput, objectBody, optionalNumber, requiredText, type JsonObject } from "./adminInput";
import type { ClockState, RequestLogPage } from "./adminTypes";

const UNIT_MS: Readonly<Record<string, number>> = {
  ms: 1,
  seconds: 1_000,
  minutes: 60_000,
  hours: 3_600_000,
  days: 86_400_000,
};

/** The running emulator's parts these routes steer, and how it answers. */
export interface ControlRouteSettings {
  readonly clock: Clock;
  readonly faults: FaultInjector;
  readonly log: RequestLog;
  /** Wraps a route so that the emulator's known refusals (AdminInputError among them) get its own error replies. */
  readonly withKnownErrors: (handler: RouteHandler) => RouteHandler;
  /** The answer to setting or advancing the clock, worked out after the move. */
  readonly clockMoved: () => object;
  /** An example body for the 400 of a bad advance, in the units the emulator's scenarios use, e.g. `{"days":14}`. */
  readonly advanceExample: string;
}

/** `GET /admin/clock`: the time and whether the admin API may move it. */
export function clockStateOf(clock: Clock): ClockState {
  return { now: clock.now().toISOString(), manual: clock instanceof ManualClock };
}

/** Adds /admin/clock, /admin/clock/advance, /admin/faults, /admin/faults/:id and /admin/requests. */
export function registerClockFaultAndLogRoutes(router: Router, settings: ControlRouteSettings): Router {
  const { clock, faults, log, withKnownErrors } = settings;
  return router
    .add("GET", "/admin/clock", () => json(200, clockStateOf(clock)))
    .add(
      "PUT",
      "/admin/clock",
      withKnownErrors(async (request) => {
        const to = requiredText(await objectBody(request), "now");
        if (Number.isNaN(Date.parse(to))) throw new AdminInputError(`'now' must be an ISO 8601 date; got '${to}'.`);
        manualClock(clock).set(to);
        return json(200, settings.clockMoved());
      }),
    )
    .add(
      "POST",
      "/admin/clock/advance",
      withKnownErrors(async (request) => {
        const milliseconds = advanceMs(await objectBody(request), settings.advanceExample);
        asAdminInput(() => manualClock(clock).advance(milliseconds));
        return json(200, settings.clockMoved());
      }),
    )
    .add("GET", "/admin/faults", () => json(200, { value: faults.list() }))
    .add(
      "POST",
      "/admin/faults",
      withKnownErrors(async (request) => {
        const rule = (await objectBody(request)) as unknown as FaultRule;
        if (typeof rule.fault !== "object") throw new AdminInputError('\'fault\' is required, e.g. {"kind":"drop"}.');
        return json(201, { id: asAdminInput(() => faults.add(rule)) });
      }),
    )
    .add("DELETE", "/admin/faults", () => {
      faults.clear();
      return noContent();
    })
    .add("DELETE", "/admin/faults/:id", (request) => {
      const id = request.params.id ?? "";
      if (faults.remove(id)) return noContent();
      throw new HttpError(404, "NotFound", `No fault rule has the id '${id}' (it may have run out).`);
    })
    .add(
      "GET",
      "/admin/requests",
      withKnownErrors((request) => {
        const matches = requestFilter(request.query);
        const entries = log.entries().filter(matches);
        const page: RequestLogPage = { count: entries.length, entries };
        return json(200, page);
      }),
    )
    .add("DELETE", "/admin/requests", () => {
      log.reset();
      return noContent();
    });
}

/** The ManualClock, or 409: a system clock can't be moved. */
function manualClock(clock: Clock): ManualClock {
  if (clock instanceof ManualClock) return clock;
  throw new HttpError(
    409,
    "Conflict",
    "The emulator runs on the system clock, which can't be moved; start it with a ManualClock (--manual-clock).",
  );
}

function advanceMs(body: JsonObject, example: string): number {
  let total = 0;
  for (const [unit, factor] of Object.entries(UNIT_MS)) total += (optionalNumber(body, unit) ?? 0) * factor;
  const known = Object.keys(body).every((key) => Object.hasOwn(UNIT_MS, key));
  if (!known || total <= 0) {
    throw new AdminInputError(`Give a positive amount in ms, seconds, minutes, hours and/or days, e.g. ${example}.`);
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
