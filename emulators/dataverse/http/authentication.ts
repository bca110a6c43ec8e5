/**
 * Who a Web API request is from and who it acts as. A bearer token from the emulator's issuer, for the emulator's
 * own URL (as Dataverse wants a token for its environment URL), maps to a systemuser: an application token by its
 * client id (`azp`) to the application user with that `applicationid`, a delegated token by the user's object id
 * (`oid`) to the user with that `azureactivedirectoryobjectid`. The caller may then act as another user with the
 * impersonation headers `MSCRMCallerID` (a systemuserid) or `CallerObjectId` (an Azure AD object id): writes are
 * made as that user (modifiedby), while webhooks name the caller as InitiatingUserId (dataverse.md §3.3).
 */
import type { AccessTokenClaims, TokenIssuer } from "../../auth";
import { HttpError, type RequestContext } from "../../http";
import { DataverseError, ErrorCode, type DataverseOrganization } from "../model";
import { WEB_API_PATH } from "../defaults";
import type { ServiceProtection } from "./serviceProtection";

/** The users behind one request. */
export interface CallerIdentity {
  /** The authenticated caller's systemuserid (InitiatingUserId). */
  readonly callerId: string;
  /** The token's `oid`: the app's service principal, or the signed-in user. */
  readonly callerObjectId: string;
  /** The systemuserid the request acts as: the impersonated user, or the caller. */
  readonly userId: string;
  /** The Azure AD object id of `userId`, when it has one. */
  readonly userObjectId?: string;
}

export interface AuthenticationDependencies {
  readonly issuer: TokenIssuer;
  /** Accepted token audiences (the emulator's URL is only known once it listens). */
  readonly audiences: () => readonly string[];
  readonly organization: () => DataverseOrganization;
  readonly protection: ServiceProtection;
}

export interface Authentication {
  /** The pipeline hook: 401 without a valid token, 403 for a client or user unknown to the organization, 429. */
  readonly authenticate: (request: RequestContext) => Promise<void>;
  /** The claims a request was authenticated with. @throws Error when it did not go through the hook. */
  readonly claimsOf: (request: RequestContext) => AccessTokenClaims;
  /** The identity for these claims and impersonation headers. @throws DataverseError 400/403. */
  readonly identify: (claims: AccessTokenClaims, headers: Readonly<Record<string, string>>) => CallerIdentity;
}

const GUID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;

/** Builds the hook and the identity resolution. */
export function createAuthentication(deps: AuthenticationDependencies): Authentication {
  const verified = new WeakMap<RequestContext, AccessTokenClaims>();
  const authenticate = async (request: RequestContext): Promise<void> => {
    if (!isWebApiPath(request.path)) return;
    const claims = await deps.issuer.verifyBearer(request.headers.authorization, deps.audiences());
    callerOf(deps.organization(), claims);
    deps.protection.admit(claims.oid, request.headers);
    verified.set(request, claims);
  };
  const claimsOf = (request: RequestContext): AccessTokenClaims => {
    const claims = verified.get(request);
    if (claims === undefined) throw new Error(`no verified token for ${request.method} ${request.path}`);
    return claims;
  };
  const identify = (claims: AccessTokenClaims, headers: Readonly<Record<string, string>>): CallerIdentity => {
    const org = deps.organization();
    const callerId = callerOf(org, claims);
    const acting = impersonated(org, headers) ?? { userId: callerId, objectId: claims.oid };
    // Resolving the session checks that the acting user exists and is enabled (403 otherwise).
    org.actAs(acting.userId);
    return {
      callerId,
      callerObjectId: claims.oid,
      userId: acting.userId,
      ...(acting.objectId === undefined ? {} : { userObjectId: acting.objectId }),
    };
  };
  return { authenticate, claimsOf, identify };
}

/** True for paths of the Web API, which need a token. */
export function isWebApiPath(path: string): boolean {
  return path === WEB_API_PATH || path.startsWith(`${WEB_API_PATH}/`);
}

function callerOf(org: DataverseOrganization, claims: AccessTokenClaims): string {
  if (claims.idtyp === "app") {
    const userId = org.applicationUserId(claims.azp);
    if (userId !== undefined) return userId;
    throw new HttpError(
      403,
      ErrorCode.userNotInOrganization,
      `The application '${claims.azp}' has no application user in this organization: create a systemuser with ` +
        "this applicationid first.",
    );
  }
  const userId = userByObjectId(org, claims.oid);
  if (userId !== undefined) return userId;
  throw new HttpError(
    403,
    ErrorCode.userNotInOrganization,
    `The user ${claims.oid} is not a member of the organization.`,
  );
}

function impersonated(
  org: DataverseOrganization,
  headers: Readonly<Record<string, string>>,
): { userId: string; objectId: string | undefined } | undefined {
  const callerId = headers.mscrmcallerid?.trim();
  if (callerId !== undefined && callerId !== "") {
    const userId = guidOf("MSCRMCallerID", callerId);
    return { userId, objectId: objectIdOf(org, userId) };
  }
  const objectIdHeader = headers.callerobjectid?.trim();
  if (objectIdHeader === undefined || objectIdHeader === "") return undefined;
  const objectId = guidOf("CallerObjectId", objectIdHeader);
  const userId = userByObjectId(org, objectId);
  if (userId === undefined) {
    throw new DataverseError(
      403,
      ErrorCode.userNotInOrganization,
      `No user of this organization has the Azure AD object id ${objectId} (CallerObjectId).`,
    );
  }
  return { userId, objectId };
}

function guidOf(header: string, value: string): string {
  const guid = GUID.exec(value)?.[1];
  if (guid !== undefined) return guid.toLowerCase();
  throw new DataverseError(400, ErrorCode.invalidArgument, `The ${header} header must hold a GUID.`);
}

function userByObjectId(org: DataverseOrganization, objectId: string): string | undefined {
  if (GUID.exec(objectId) === null) return undefined;
  const [user] = org.retrieveMultiple("systemusers", {
    select: ["systemuserid"],
    filter: `azureactivedirectoryobjectid eq ${objectId}`,
  }).value;
  return typeof user?.systemuserid === "string" ? user.systemuserid : undefined;
}

function objectIdOf(org: DataverseOrganization, userId: string): string | undefined {
  try {
    const user = org.retrieve("systemusers", userId, { select: ["azureactivedirectoryobjectid"] });
    return typeof user.azureactivedirectoryobjectid === "string" ? user.azureactivedirectoryobjectid : undefined;
  } catch {
    return undefined;
  }
}
