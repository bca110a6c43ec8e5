/**
 * Unbound actions and functions of the Web API: WinOpportunity and LoseOpportunity (dataverse.md §4.2: `{"Status":3,
 * "OpportunityClose":{...,"opportunityid@odata.bind":"/opportunities(<id>)"}}` → 204; the opportunity is closed and
 * an opportunityclose recorded, made as the acting user), and the WhoAmI function.
 */
import type { OrganizationNames } from "../changeNotifications";
import { checkQueryOptions } from "./entityReads";
import type { WebApiRequest, WebApiResponse } from "./webApiRequest";

/** POST `WinOpportunity` or `LoseOpportunity`. */
export async function closeOpportunity(request: WebApiRequest, outcome: "Win" | "Lose"): Promise<WebApiResponse> {
  checkQueryOptions(request.query, []);
  const body = await request.json();
  return request.writes((org) => {
    const session = org.actAs(request.identity.userId);
    const context = { correlationId: request.scope.correlationId };
    if (outcome === "Win") session.winOpportunity(body, context);
    else session.loseOpportunity(body, context);
    return { status: 204 };
  });
}

/** GET `WhoAmI` (or `WhoAmI()`): the acting user, its business unit and the organization. */
export function whoAmI(request: WebApiRequest, names: OrganizationNames): WebApiResponse {
  checkQueryOptions(request.query, []);
  return {
    status: 200,
    body: {
      "@odata.context": `${request.apiUrl}/$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse`,
      BusinessUnitId: names.businessUnitId,
      UserId: request.identity.userId,
      OrganizationId: names.organizationId,
    },
  };
}
