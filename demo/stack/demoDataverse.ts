/**
 * The demo's Dataverse: the emulator with its demo organization (currencies, accounts with contacts, a catalogue of
 * co-sell solutions, and opportunities in every state, few enough to read in one list) and the co-sell schema, so
 * the seeded rows can carry co-sell values; the managed solution is imported over it afterwards (importing over the
 * seeded schema works: the solution's columns, choices and table match it). Ids are seeded, so an opportunity's form
 * URL stays the same from one run to the next.
 */
import { startDataverseEmulator, type DataverseEmulator } from "../../emulators/dataverse";
import type { DemoIdentities } from "./demoIdentities";

/** Enough to show every state and stage, few enough to read. */
export const DEMO_OPPORTUNITIES = 40;
const IDS_SEED = "cosell-demo";

export interface CatalogueEntry {
  /** SOL-12345-ABC */
  readonly id: string;
  readonly name: string;
}

export interface DemoDataverse {
  readonly emulator: DataverseEmulator;
  /** The co-sell solutions in csb_partnercentersolution, which Partner Center must offer too. */
  readonly catalogue: readonly CatalogueEntry[];
}

export async function startDemoDataverse(port: number, identities: DemoIdentities): Promise<DemoDataverse> {
  const emulator = await startDataverseEmulator({
    port,
    idsSeed: IDS_SEED,
    seed: { opportunities: DEMO_OPPORTUNITIES, seed: IDS_SEED },
    clients: [identities.integration, identities.seller, identities.deploy, identities.operator],
    integrationClientId: identities.integration.clientId,
  });
  try {
    // The deploy app's application user, as an admin adds it under Power Platform admin center > Application users.
    emulator.org.create("systemuser", {
      firstname: "#",
      lastname: "Co-sell Bridge Deploy",
      applicationid: identities.deploy.clientId,
    });
    const rows = emulator.org.retrieveMultiple("csb_partnercentersolution", { select: ["csb_solutionid", "csb_name"] });
    const catalogue = rows.value.flatMap((row) =>
      typeof row.csb_solutionid === "string" && typeof row.csb_name === "string"
        ? [{ id: row.csb_solutionid, name: row.csb_name }]
        : [],
    );
    return { emulator, catalogue };
  } catch (error) {
    await emulator.close();
    throw error;
  }
}
