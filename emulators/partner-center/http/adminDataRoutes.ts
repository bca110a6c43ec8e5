/**
 * Admin routes over the emulator's data and credentials: where everything is, the referrals (dump, reset), the
 * snapshot (get, load), the solution catalogue, and tokens minted without a grant for tests and the demo.
 */
import type { DelegatedUser } from "../../auth";
import { json, noContent, type Router } from "../../http";
import {
  AdminInputError,
  objectBody,
  optionalObject,
  optionalText,
  optionalTextList,
  requiredText,
  type JsonObject,
} from "../../shared/admin/adminInput";
import type { MintedToken, TokenRequest } from "../adminTypes";
import { DEFAULT_REFERRALS_ADMIN } from "../defaults";
import type { PartnerSolution } from "../state";
import { freshState, type AdminContext } from "./adminContext";
import { withKnownErrors } from "./errors";

/** Adds GET /admin, /admin/referrals, /admin/snapshot, /admin/solutions, /admin/tokens and /admin/refresh-tokens. */
export function registerDataRoutes(router: Router, context: AdminContext): Router {
  return router
    .add("GET", "/admin", () => json(200, context.info()))
    .add("GET", "/admin/referrals", () => {
      const state = freshState(context);
      const value = state.toSnapshot().referrals.map((referral) => state.referrals.get(referral.id));
      return json(200, { count: value.length, value });
    })
    .add("DELETE", "/admin/referrals", () => {
      context.holder.resetReferrals();
      return noContent();
    })
    .add("GET", "/admin/snapshot", () => json(200, context.holder.state.toSnapshot()))
    .add(
      "PUT",
      "/admin/snapshot",
      withKnownErrors(async (request) => {
        context.holder.load(await objectBody(request));
        const snapshot = context.holder.state.toSnapshot();
        return json(200, { referrals: snapshot.referrals.length, solutions: snapshot.solutions.length });
      }),
    )
    .add("GET", "/admin/solutions", () => json(200, { value: context.holder.state.listSolutions() }))
    .add(
      "POST",
      "/admin/solutions",
      withKnownErrors(async (request) => {
        const solution = (await objectBody(request)) as unknown as PartnerSolution;
        return json(201, context.holder.state.addSolution(solution));
      }),
    )
    .add(
      "POST",
      "/admin/tokens",
      withKnownErrors(async (request) => json(200, await mint(context, tokenRequest(await objectBody(request))))),
    )
    .add(
      "POST",
      "/admin/refresh-tokens",
      withKnownErrors(async (request) => {
        const body = await objectBody(request, true);
        const token = optionalText(body, "token");
        const user = delegatedUser(optionalObject(body, "user")) ?? DEFAULT_REFERRALS_ADMIN;
        const clientId = optionalText(body, "clientId") ?? firstDelegatedClient(context);
        const refreshToken = context.issuer.addRefreshToken({
          clientId,
          user,
          ...(token === undefined ? {} : { token }),
        });
        return json(200, { refresh_token: refreshToken, client_id: clientId });
      }),
    );
}

async function mint(context: AdminContext, request: TokenRequest): Promise<MintedToken> {
  const { audience, clientId, roles, scopes } = request;
  const referralsAudience = context.settings.referralsAudiences.includes(audience);
  const kind = request.kind ?? (referralsAudience ? "delegated" : "application");
  const user = request.user ?? DEFAULT_REFERRALS_ADMIN;
  const accessToken = await context.issuer.mintAccessToken({
    audience,
    ...(clientId === undefined ? {} : { clientId }),
    ...(roles === undefined ? {} : { roles }),
    ...(kind === "delegated" ? { delegated: { ...user, ...(scopes === undefined ? {} : { scopes }) } } : {}),
  });
  return { access_token: accessToken, token_type: "Bearer", audience, kind };
}

function tokenRequest(body: JsonObject): TokenRequest {
  const kind = optionalText(body, "kind");
  if (kind !== undefined && kind !== "application" && kind !== "delegated") {
    throw new AdminInputError('\'kind\' must be "application" or "delegated" when given.');
  }
  const clientId = optionalText(body, "clientId");
  const roles = optionalTextList(body, "roles");
  const scopes = optionalTextList(body, "scopes");
  const user = delegatedUser(optionalObject(body, "user"));
  return {
    audience: requiredText(body, "audience"),
    ...(kind === undefined ? {} : { kind }),
    ...(clientId === undefined ? {} : { clientId }),
    ...(roles === undefined ? {} : { roles }),
    ...(scopes === undefined ? {} : { scopes }),
    ...(user === undefined ? {} : { user }),
  };
}

function delegatedUser(body: JsonObject | undefined): DelegatedUser | undefined {
  if (body === undefined) return undefined;
  return { oid: requiredText(body, "oid"), upn: requiredText(body, "upn"), name: requiredText(body, "name") };
}

function firstDelegatedClient(context: AdminContext): string {
  const client = context.settings.clients.find((candidate) => candidate.kind === "delegated");
  if (client !== undefined) return client.clientId;
  throw new AdminInputError("No delegated client is registered; name one with 'clientId'.");
}
