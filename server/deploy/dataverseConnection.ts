/**
 * The deploy identity's Web API clients: client credentials for the deploy app's application user (not the service's
 * integration user: the service ignores changes its own user makes, so a smoke test made as that user would never
 * sync), one redactor that knows both secrets, and a second client with a long timeout for the calls that apply a
 * solution, which Dataverse answers only when it is done.
 */
import { AuthorizedHttp } from "../clients/auth/authorizedHttp";
import { clientCredentialsToken } from "../clients/auth/clientCredentials";
import { DataverseWebApi } from "../clients/dataverse/webApi";
import { HttpCore } from "../clients/http/httpCore";
import { Redactor } from "../clients/http/redactor";
import type { DeployCredentials } from "./credentials";
import type { DeployProfile } from "./profile";

export interface DataverseConnection {
  /** Ordinary calls (30 s each). */
  readonly api: DataverseWebApi;
  /** Calls that import or promote a solution (the profile's importTimeoutMinutes). */
  readonly longApi: DataverseWebApi;
}

export function connectToDataverse(profile: DeployProfile, credentials: DeployCredentials): DataverseConnection {
  const redactor = new Redactor();
  redactor.addFixed(credentials.clientSecret.reveal());
  redactor.addFixed(credentials.webhookKey.reveal());
  const { url, authority, tenantId, clientId } = profile.dataverse;
  const tokens = clientCredentialsToken(new HttpCore({ api: "tokens", redactor }), {
    authority,
    tenantId,
    clientId,
    clientSecret: credentials.clientSecret,
    resource: url,
  });
  const client = (timeoutMs?: number) =>
    new DataverseWebApi(
      new AuthorizedHttp(
        new HttpCore({ api: "dataverse", redactor, ...(timeoutMs === undefined ? {} : { timeoutMs }) }),
        tokens,
      ),
      url,
      500,
    );
  return { api: client(), longApi: client(profile.importTimeoutMinutes * 60_000) };
}
