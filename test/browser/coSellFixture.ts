/**
 * What the CoSellPanel browser test runs against: the Dataverse emulator with its demo organization (and at least
 * three Partner Center solutions in csb_partnercentersolution), the CoSellPanel host in front of it, and fresh
 * opportunities created by the seller through the Web API, each with a US account and a contact with an e-mail.
 */
import { startCoSellHost, type CoSellHost } from "../../demo/host/server/coSellHost";
import { startDataverseEmulator, type DataverseEmulator } from "../../emulators/dataverse";
import { microsoftHelpChoice } from "../../emulators/dataverse/model/metadata/cosellSchema";
import { Seller } from "../server/e2e/support/seller";

export interface CatalogueSolution {
  readonly id: string;
  readonly name: string;
}

export interface CoSellFixture {
  readonly dataverse: DataverseEmulator;
  readonly host: CoSellHost;
  readonly solutions: readonly CatalogueSolution[];
  /** The label of each csb_microsofthelp option, as the column's metadata gives it. */
  readonly helpLabels: readonly string[];
  /** A new open opportunity, not synced, closing in 60 days, worth `dealValue` USD. */
  createOpportunity(name: string, dealValue: number): Promise<string>;
  /** A save by the seller through the Web API, as from another form. */
  saveAsSeller(id: string, values: Record<string, unknown>): Promise<void>;
  /** The opportunity's co-sell columns as Dataverse holds them now. */
  readOpportunity(id: string): Promise<Record<string, unknown>>;
  stop(): Promise<void>;
}

const MINIMUM_SOLUTIONS = 3;

export async function startCoSellFixture(): Promise<CoSellFixture> {
  const dataverse = await startDataverseEmulator({ idsSeed: "cosell-browser", seed: { opportunities: 20 } });
  let host: CoSellHost | undefined;
  try {
    const solutions = await ensureSolutions(dataverse);
    host = await startCoSellHost({ dataverse: { url: dataverse.url } });
    const seller = await Seller.signIn(dataverse);
    const customer = await seller.createCustomer("Fabrikam Browser");
    const running = host;
    return {
      dataverse,
      host: running,
      solutions,
      helpLabels: microsoftHelpChoice.options.map((option) => option.label),
      createOpportunity: (name, dealValue) => seller.createOpportunity(customer, { name, dealValue }),
      saveAsSeller: (id, values) => seller.save(id, values),
      readOpportunity: async (id) => {
        const select = "csb_syncwithpartnercenter,csb_microsofthelp,csb_sharewithmicrosoft,csb_products,estimatedvalue";
        return webApi(dataverse, "GET", `opportunities(${id})?$select=${select}`);
      },
      stop: async () => {
        await running.close();
        await dataverse.close();
      },
    };
  } catch (error) {
    await host?.close();
    await dataverse.close();
    throw error;
  }
}

/** The catalogue's solutions; adds some through the Web API when the seed holds fewer than three. */
async function ensureSolutions(dataverse: DataverseEmulator): Promise<CatalogueSolution[]> {
  const listed = async () => {
    const body = await webApi(dataverse, "GET", "csb_partnercentersolutions?$select=csb_name,csb_solutionid");
    return (body.value as { csb_name: string; csb_solutionid: string }[]).map((row) => ({
      id: row.csb_solutionid,
      name: row.csb_name,
    }));
  };
  const existing = await listed();
  for (let index = existing.length; index < MINIMUM_SOLUTIONS; index += 1) {
    await webApi(dataverse, "POST", "csb_partnercentersolutions", {
      csb_name: `Fabrikam Managed Service ${index + 1}`,
      csb_solutionid: `SOL-7000${index}-FAB`,
    });
  }
  return existing.length >= MINIMUM_SOLUTIONS ? existing : listed();
}

async function webApi(
  dataverse: DataverseEmulator,
  method: "GET" | "POST",
  path: string,
  body?: unknown,
): Promise<Record<string, unknown>> {
  const token = await dataverse.admin.getToken();
  const response = await fetch(`${dataverse.apiUrl}/${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, accept: "application/json", "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} failed: ${response.status} ${text}`);
  return text === "" ? {} : (JSON.parse(text) as Record<string, unknown>);
}
