/**
 * The Referrals API under /v1.0/engagements/referrals (shared/reference/partner-center.md §1.2): list with OData
 * options, get, create, full update with If-Match (PUT) and JSON Patch (PATCH). No DELETE is documented, so the
 * router answers 405 for it. The rules live in the state; these routes only translate HTTP.
 */
import { json, noContent, requireJsonBody, type RequestContext, type Router } from "../../http";
import type { EmulatorState, ListQuery } from "../state";
import { withKnownErrors } from "./errors";

/** Where the referrals are. */
export const REFERRALS_PATH = "/v1.0/engagements/referrals";

/** What the referral routes depend on. */
export interface ReferralRouteSettings {
  /** The current state (it changes when the admin API resets it). */
  readonly state: () => EmulatorState;
  /** Runs before every call, so invitations past their 14 days are Expired by the time the caller looks (§1.5). */
  readonly beforeEachCall: () => void;
  /** 200 as documented (§1.2), or 201. */
  readonly createStatus: 200 | 201;
  /** Send `@odata.count` when `$count` was not given (the documented list response has it). */
  readonly countByDefault: boolean;
}

/** Adds the Referrals API routes. */
export function registerReferralRoutes(router: Router, settings: ReferralRouteSettings): Router {
  const current = () => {
    settings.beforeEachCall();
    return settings.state();
  };
  return router
    .add(
      "GET",
      REFERRALS_PATH,
      withKnownErrors((request) => json(200, current().referrals.list(listQuery(request, settings.countByDefault)))),
    )
    .add(
      "POST",
      REFERRALS_PATH,
      withKnownErrors(async (request) => {
        const body = await requireJsonBody(request);
        return json(settings.createStatus, current().referrals.create(body));
      }),
    )
    .add(
      "GET",
      `${REFERRALS_PATH}/:id`,
      withKnownErrors((request) => json(200, current().referrals.get(idOf(request)))),
    )
    .add(
      "PUT",
      `${REFERRALS_PATH}/:id`,
      withKnownErrors(async (request) => {
        const body = await requireJsonBody(request);
        return json(200, current().referrals.replace(idOf(request), body, request.headers["if-match"]));
      }),
    )
    .add(
      "PATCH",
      `${REFERRALS_PATH}/:id`,
      withKnownErrors(async (request) => {
        const operations = await requireJsonBody(request);
        const patched = current().referrals.patch(idOf(request), operations, request.headers["if-match"]);
        // 204 by default; the representation only when asked for (§1.2, "Prefer: return=representation").
        if (!prefersRepresentation(request)) return noContent();
        return json(200, patched, { "Preference-Applied": "return=representation" });
      }),
    );
}

function idOf(request: RequestContext): string {
  return request.params.id ?? "";
}

/** True when a `Prefer` header asks for `return=representation` among its preferences. */
export function prefersRepresentation(request: RequestContext): boolean {
  const prefer = request.headers.prefer ?? "";
  return prefer.split(/[,;]/).some((preference) => preference.trim().toLowerCase() === "return=representation");
}

/** The documented list options ($filter, $orderby, $top, $skiptoken, $count); $select and $expand are ignored. */
function listQuery(request: RequestContext, countByDefault: boolean): ListQuery {
  const { query } = request;
  const count = query.$count ?? (countByDefault ? "true" : undefined);
  return {
    ...optional("filter", query.$filter),
    ...optional("orderby", query.$orderby),
    ...optional("top", query.$top),
    ...optional("skiptoken", query.$skiptoken),
    ...optional("count", count),
  };
}

function optional<Name extends string>(name: Name, value: string | undefined): Partial<Record<Name, string>> {
  return value === undefined ? {} : ({ [name]: value } as Record<Name, string>);
}
