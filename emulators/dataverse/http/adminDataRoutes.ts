/**
 * Admin routes over the organization and credentials: where everything is, a fresh (re-seeded) organization, the
 * snapshot (get, load), the users, and tokens minted without a grant for tests and the demo. Webhook keys never
 * leave: a snapshot read through the admin API has every `authvalue` emptied (set it again after loading).
 */
import { HttpError, json, type Router } from "../../http";
import {
  AdminInputError,
  objectBody,
  onlyMembers,
  optionalBoolean,
  optionalNumber,
  optionalText,
} from "../../shared/admin/adminInput";
import type { MintedToken, ResetResult, UserSummary } from "../adminTypes";
import { ErrorCode, type OrganizationSnapshot } from "../model";
import type { AdminContext } from "./adminContext";
import { withKnownErrors } from "./errors";

/** Adds GET /admin, POST /admin/reset, /admin/snapshot, /admin/users and /admin/tokens. */
export function registerDataRoutes(router: Router, context: AdminContext): Router {
  const { holder, coordinator } = context;
  return router
    .add("GET", "/admin", () => json(200, context.info()))
    .add(
      "POST",
      "/admin/reset",
      withKnownErrors(async (request) => {
        const body = await objectBody(request, true);
        onlyMembers(body, ["demo", "opportunities", "seed"]);
        const demo = optionalBoolean(body, "demo");
        const opportunities = optionalNumber(body, "opportunities");
        if (opportunities !== undefined && !(Number.isInteger(opportunities) && opportunities >= 0)) {
          throw new AdminInputError("'opportunities' must be a whole number of 0 or more.");
        }
        const seed = optionalText(body, "seed");
        await coordinator.exclusive(() =>
          holder.reset({
            ...(demo === undefined ? {} : { demo }),
            ...(opportunities === undefined ? {} : { opportunities }),
            ...(seed === undefined ? {} : { seed }),
          }),
        );
        return json(200, resetResult(context));
      }),
    )
    .add("GET", "/admin/snapshot", () => json(200, withoutSecrets(holder.organization.toSnapshot())))
    .add(
      "PUT",
      "/admin/snapshot",
      withKnownErrors(async (request) => {
        const snapshot = await objectBody(request);
        await coordinator.exclusive(() => holder.load(snapshot));
        return json(200, resetResult(context));
      }),
    )
    .add("GET", "/admin/users", () => {
      const rows = holder.organization.retrieveMultiple("systemusers", {
        select: ["fullname", "applicationid", "azureactivedirectoryobjectid", "isdisabled"],
      }).value;
      const value = rows.map((row): UserSummary => ({
        systemuserid: String(row.systemuserid),
        fullname: typeof row.fullname === "string" ? row.fullname : null,
        applicationid: typeof row.applicationid === "string" ? row.applicationid : null,
        azureactivedirectoryobjectid:
          typeof row.azureactivedirectoryobjectid === "string" ? row.azureactivedirectoryobjectid : null,
        isdisabled: row.isdisabled === true,
      }));
      return json(200, { value });
    })
    .add(
      "POST",
      "/admin/tokens",
      withKnownErrors(async (request) => {
        const body = await objectBody(request, true);
        onlyMembers(body, ["user", "clientId"]);
        return json(
          200,
          await mint(context, optionalText(body, "user") ?? "integration", optionalText(body, "clientId")),
        );
      }),
    );
}

async function mint(context: AdminContext, user: string, clientId: string | undefined): Promise<MintedToken> {
  const audience = context.audience();
  if (user === "integration") {
    const token = await context.issuer.mintAccessToken({
      audience,
      clientId: clientId ?? context.settings.integrationClientId,
    });
    return { access_token: token, token_type: "Bearer", audience, kind: "application" };
  }
  const org = context.holder.organization;
  const userId = user === "seller" ? context.holder.knownUsers().seller?.systemuserid : user;
  if (userId === undefined)
    throw new HttpError(404, ErrorCode.objectDoesNotExist, "The organization has no seller user.");
  const row = org.retrieve("systemusers", userId, {
    select: ["fullname", "internalemailaddress", "azureactivedirectoryobjectid"],
  });
  const oid = row.azureactivedirectoryobjectid;
  if (typeof oid !== "string") {
    throw new HttpError(
      400,
      ErrorCode.invalidArgument,
      `The user ${userId} has no azureactivedirectoryobjectid to sign in with.`,
    );
  }
  const delegatedClient = clientId ?? context.settings.clients.find((client) => client.kind === "delegated")?.clientId;
  const name = typeof row.fullname === "string" ? row.fullname : userId;
  const upn = typeof row.internalemailaddress === "string" ? row.internalemailaddress : `${userId}@emulator.example`;
  const token = await context.issuer.mintAccessToken({
    audience,
    ...(delegatedClient === undefined ? {} : { clientId: delegatedClient }),
    delegated: { oid, upn, name },
  });
  return { access_token: token, token_type: "Bearer", audience, kind: "delegated" };
}

function resetResult(context: AdminContext): ResetResult {
  const rows = Object.values(context.holder.organization.toSnapshot().rows).reduce(
    (sum, table) => sum + table.length,
    0,
  );
  return { rows, users: context.info().users };
}

/** The snapshot with every service endpoint's authvalue emptied (§3.1: it "cannot be retrieved"). */
function withoutSecrets(snapshot: OrganizationSnapshot): OrganizationSnapshot {
  const endpoints = snapshot.rows.serviceendpoint;
  if (endpoints === undefined) return snapshot;
  const redacted = endpoints.map((row) => ({ ...row, values: { ...row.values, authvalue: null } }));
  return { ...snapshot, rows: { ...snapshot.rows, serviceendpoint: redacted } };
}
