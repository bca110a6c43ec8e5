import { describe, expect, it } from "vitest";
import { SyncStatus } from "../../core/dataverse/options";
import type { AuthHost } from "../../webresources/auth/tokenProvider";
import { useBridgeWorld } from "./support/bridgeWorld";
import { openOpportunityForm, setUserLanguage } from "./support/opportunityForm";
import { OPPORTUNITY_ID, errorStatus, ok, pendingStatus, syncStatus } from "./support/serviceAnswers";
import { closedPortUrl } from "./support/syncServiceStub";
import { windowHost } from "./support/testRuntime";

const STATUS = `/opportunities/${OPPORTUNITY_ID}/sync-status`;

const world = useBridgeWorld();

const load = world.load;

describe("Opportunity onLoad", () => {
  it("shows the checkmark for a synced opportunity and does not poll", async () => {
    const opened = await load({}, ok(syncStatus()));

    expect(opened.notifications().csb_syncstatus).toEqual({
      level: "INFO",
      message: expect.stringMatching(/^✔ Synced with Partner Center on May 4, 2026/) as unknown,
    });
    expect(world.runtime.clock.sleeping).toBe(0);
    expect(world.stub.requests).toHaveLength(1);
  });

  it("shows nothing about the status when csb_ShowCheckmark is No", async () => {
    world.dataverse.variables.csb_ShowCheckmark = "no";

    const opened = await load({}, ok(syncStatus()));

    expect(opened.notifications().csb_syncstatus).toBeUndefined();
  });

  it("shows the service's error and what to do for a sync in error", async () => {
    const opened = await load({ syncStatus: SyncStatus.Error }, ok(errorStatus()));

    expect(opened.notifications().csb_syncstatus).toEqual({
      level: "ERROR",
      message:
        "✖ Not synced with Partner Center: Partner Center refused the referral: the customer's country 'Germany' is " +
        "not a two-letter code. Set the account's country to DE and save the opportunity again.",
    });
  });

  it("says the service can't be reached, and keeps the status the saved row shows", async () => {
    world.dataverse.variables.csb_SyncEndpointUrl = await closedPortUrl();

    const opened = await load({ syncStatus: SyncStatus.Synced });

    expect(opened.notifications().csb_setup?.message).toBe(
      "The sync service can't be reached; try again in a minute or tell your admin.",
    );
    expect(opened.notifications().csb_syncstatus?.message).toBe("✔ Synced with Partner Center.");
  });

  it("tells the seller to call an admin when csb_SyncEndpointUrl is empty or not a web address", async () => {
    world.dataverse.variables.csb_SyncEndpointUrl = "";
    const empty = await load();
    expect(empty.notifications().csb_setup?.message).toBe(
      "Co-sell Bridge is not set up: the environment variable csb_SyncEndpointUrl is empty. Tell your admin.",
    );

    world.rebuild();
    world.dataverse.variables.csb_SyncEndpointUrl = "ftp://sync.contoso.example";
    const invalid = await load();
    expect(invalid.notifications().csb_setup?.message).toContain("csb_SyncEndpointUrl is not a web address");
    expect(world.stub.requests).toHaveLength(0);
  });

  it("says the settings could not be read when Dataverse refuses", async () => {
    world.dataverse.failure = new Error("Principal user is missing prvReadEnvironmentVariableDefinition privilege");

    const opened = await load();

    expect(opened.notifications().csb_setup?.message).toBe(
      "Co-sell Bridge couldn't read its settings (Principal user is missing prvReadEnvironmentVariableDefinition " +
        "privilege). Reload the form; if it keeps happening, tell your admin.",
    );
  });

  it("does not call the service for an opportunity that is not co-sold, nor for a new one", async () => {
    await load({ sync: false, referralId: null });
    await load({ id: null });

    expect(world.stub.requests).toHaveLength(0);
  });

  it("speaks the user's language", async () => {
    world.stub.answer("GET", STATUS, ok(pendingStatus()));
    const opened = openOpportunityForm();
    setUserLanguage(1049);

    world.bridge.Opportunity.onLoad(opened.eventContext());
    await world.bridge.idle();

    expect(opened.notifications().csb_syncstatus?.message).toBe(
      "Идёт синхронизация с Partner Center… Это сообщение обновится само.",
    );
  });
});

describe("sign-in on the form", () => {
  it("shares the page's provider with the top window, where the Co-sell panel looks for it", async () => {
    const host = windowHost({ getAccessToken: () => Promise.resolve("token-from-page") });
    world.rebuild(host);

    await load({}, ok(syncStatus()));

    expect(host.top.CoSellBridgeAuth).toBe(host.CoSellBridgeAuth);
    expect(world.stub.requests[0]?.authorization).toBe("Bearer token-from-page");
  });

  it("shares it even when the form does not call the service (the panel may)", async () => {
    const host = windowHost({ getAccessToken: () => Promise.resolve("token-from-page") });
    world.rebuild(host);

    await load({ sync: false, referralId: null });

    expect(world.stub.requests).toHaveLength(0);
    expect(host.top.CoSellBridgeAuth).toBe(host.CoSellBridgeAuth);
  });

  it("builds an MSAL-style provider for csb_SyncServiceScope when the page registered none", async () => {
    const scopes: string[][] = [];
    const msal = {
      getAllAccounts: () => [{ username: "ana@contoso.example" }],
      acquireTokenSilent: (request: { scopes: string[] }) => {
        scopes.push(request.scopes);
        return Promise.resolve({ accessToken: "token-from-msal" });
      },
    };
    const host: AuthHost = { msal, top: null };
    world.rebuild(host);

    await load({}, ok(syncStatus()));

    expect(world.stub.requests[0]?.authorization).toBe("Bearer token-from-msal");
    expect(scopes).toEqual([["api://cosell-bridge/user_impersonation"]]);
    expect(typeof host.CoSellBridgeAuth?.getAccessToken).toBe("function");
  });
});
