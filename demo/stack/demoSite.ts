/**
 * The demo site: the CoSellPanel host (demo/host: the form with the built control and web resources, the Web API
 * proxy, the seller's token) with the site's own pages plugged into its `extraRoutes` on the same origin (demo/site).
 */
import type { DataverseEmulator } from "../../emulators/dataverse";
import type { PartnerCenterEmulator } from "../../emulators/partner-center";
import { startCoSellHost } from "../host/server/coSellHost";
import { SellerSession } from "../host/server/sellerSession";
import { createSiteRoutes } from "../site/server/siteRoutes";
import { SellerWebApi, text, type WebApiRow } from "../site/server/sellerWebApi";

export interface DemoSiteSettings {
  readonly port: number;
  readonly repositoryRoot: string;
  readonly dataverse: DataverseEmulator;
  readonly partnerCenter: PartnerCenterEmulator;
  readonly serviceUrl: string;
  /** The app registration whose tokens carry the service's admin role. */
  readonly operatorClientId: string;
}

export interface DemoSite {
  readonly url: string;
  formUrl(opportunityId: string): string;
  /** An open opportunity, not synced yet, whose account is in the US: ready to co-sell. */
  readonly exampleOpportunityId: string;
  close(): Promise<void>;
}

const READY_TO_CO_SELL =
  "opportunities?$select=name&$expand=parentaccountid($select=address1_country)" +
  "&$filter=statecode eq 0 and csb_syncwithpartnercenter eq false&$orderby=estimatedvalue desc";

export async function startDemoSite(settings: DemoSiteSettings): Promise<DemoSite> {
  const { dataverse } = settings;
  const webApi = new SellerWebApi(dataverse.url, new SellerSession({ dataverseUrl: dataverse.url }));
  const extraRoutes = await createSiteRoutes({
    repositoryRoot: settings.repositoryRoot,
    webApi,
    partnerCenter: settings.partnerCenter.admin,
    serviceUrl: settings.serviceUrl,
    operatorToken: () => dataverse.admin.getToken({ clientId: settings.operatorClientId }),
  });
  const host = await startCoSellHost({
    dataverse: { url: dataverse.url },
    syncServiceUrl: settings.serviceUrl,
    port: settings.port,
    repositoryRoot: settings.repositoryRoot,
    extraRoutes,
  });
  try {
    const candidates = await webApi.rows(READY_TO_CO_SELL);
    const inUs = candidates.find((row) => {
      const account = row.parentaccountid;
      return typeof account === "object" && account !== null && text(account as WebApiRow, "address1_country") === "US";
    });
    const example = text(inUs ?? candidates[0] ?? {}, "opportunityid");
    return {
      url: host.url,
      formUrl: (id) => host.formUrl(id),
      exampleOpportunityId: example,
      close: () => host.close(),
    };
  } catch (error) {
    await host.close();
    throw error;
  }
}
