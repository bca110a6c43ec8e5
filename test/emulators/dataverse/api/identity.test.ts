/**
 * Who a request is from and who it acts as: 401 without a valid token for the emulator's URL, 403 for a client or
 * user the organization doesn't know, application users by client id, delegated users by object id, and
 * impersonation with MSCRMCallerID or CallerObjectId, which makes the impersonated user the one who writes.
 * Runs without demo data, so the users are the documented baseline ones.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BASELINE_USERS,
  DEFAULT_CLIENT_SECRET,
  DEFAULT_INTEGRATION_CLIENT,
  DEFAULT_SELLER_CLIENT,
  type DataverseEmulator,
} from "../../../../emulators/dataverse";
import { call, clientCredentialsToken, errorOf, idOfEntity, objectOf, startTestEmulator } from "./harness";

const STRANGER = { clientId: "0f0f0f0f-0000-4000-8000-00000000beef", clientSecret: DEFAULT_CLIENT_SECRET };
const { integration, seller } = BASELINE_USERS;

let emulator: DataverseEmulator;
let token: string;

beforeAll(async () => {
  emulator = await startTestEmulator({
    seed: false,
    clients: [DEFAULT_INTEGRATION_CLIENT, DEFAULT_SELLER_CLIENT, { ...STRANGER, kind: "application" }],
  });
  token = await clientCredentialsToken(emulator);
});

afterAll(async () => {
  await emulator.close();
});

const whoAmI = (bearer: string, headers: Record<string, string> = {}) =>
  call(emulator, "GET", "/api/data/v9.2/WhoAmI", { token: bearer, headers });

describe("authentication", () => {
  it("answers 401 without a token, with a malformed one, or with one for another resource", async () => {
    const none = await call(emulator, "GET", "/api/data/v9.2/accounts");
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toContain('Bearer error="invalid_token"');
    expect((await whoAmI("not-a-jwt")).status).toBe(401);
    const elsewhere = await emulator.issuer.mintAccessToken({ audience: "https://another-org.crm.dynamics.com" });
    expect((await whoAmI(elsewhere)).status).toBe(401);
  });

  it("answers 403 to a client without an application user in the organization", async () => {
    const stranger = await clientCredentialsToken(emulator, STRANGER);
    const refused = await whoAmI(stranger);
    expect(refused.status).toBe(403);
    expect(errorOf(refused).code).toBe("0x80072560");
  });

  it("maps the integration client to its application user and the seller's token to the seller", async () => {
    const app = objectOf(await whoAmI(token));
    const info = emulator.info();
    expect(app).toMatchObject({
      UserId: integration.systemuserid,
      BusinessUnitId: info.organization.businessUnitId,
      OrganizationId: info.organization.organizationId,
    });
    const sellerToken = await emulator.admin.getToken({ user: "seller" });
    expect(objectOf(await whoAmI(sellerToken)).UserId).toBe(seller.systemuserid);
    expect(info.users).toEqual({
      integrationUserId: integration.systemuserid,
      sellerUserId: seller.systemuserid,
      sellerObjectId: seller.azureactivedirectoryobjectid,
    });
  });
});

describe("impersonation", () => {
  it("writes as the user MSCRMCallerID names", async () => {
    const created = await call(emulator, "POST", "/api/data/v9.2/accounts", {
      token,
      body: { name: "Created for the seller" },
      headers: { MSCRMCallerID: seller.systemuserid },
    });
    expect(created.status).toBe(204);
    const id = idOfEntity(created.headers.get("odata-entityid"));
    const row = objectOf(
      await call(
        emulator,
        "GET",
        `/api/data/v9.2/accounts(${id})?$select=_createdby_value,_modifiedby_value,_ownerid_value`,
        {
          token,
        },
      ),
    );
    expect(row).toMatchObject({
      _createdby_value: seller.systemuserid,
      _modifiedby_value: seller.systemuserid,
      _ownerid_value: seller.systemuserid,
    });
    await call(emulator, "PATCH", `/api/data/v9.2/accounts(${id})`, { token, body: { name: "Renamed by the app" } });
    const after = objectOf(
      await call(emulator, "GET", `/api/data/v9.2/accounts(${id})?$select=_modifiedby_value`, { token }),
    );
    expect(after._modifiedby_value).toBe(integration.systemuserid);
  });

  it("finds the user CallerObjectId names by Azure AD object id", async () => {
    const who = objectOf(await whoAmI(token, { CallerObjectId: seller.azureactivedirectoryobjectid }));
    expect(who.UserId).toBe(seller.systemuserid);
  });

  it("refuses unknown, malformed and disabled users", async () => {
    expect((await whoAmI(token, { MSCRMCallerID: "5a5a5a5a-0000-4000-8000-000000000000" })).status).toBe(403);
    expect((await whoAmI(token, { CallerObjectId: "5a5a5a5a-0000-4000-8000-000000000000" })).status).toBe(403);
    expect((await whoAmI(token, { MSCRMCallerID: "not-a-guid" })).status).toBe(400);
    const disabled = await call(emulator, "POST", "/api/data/v9.2/systemusers", {
      token,
      body: { firstname: "Former", lastname: "Employee", isdisabled: true },
    });
    const disabledId = idOfEntity(disabled.headers.get("odata-entityid"));
    const refused = await whoAmI(token, { MSCRMCallerID: disabledId });
    expect(refused.status).toBe(403);
    expect(errorOf(refused).code).toBe("0x80040225");
  });
});
