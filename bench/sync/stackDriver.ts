/**
 * How the benchmarks act on the running loop: a seller saving opportunities through the Dataverse Web API, and
 * Microsoft changing referrals inside the Partner Center emulator; plus waiting, without polling, for the moment the
 * other side shows the change (both emulators announce committed changes to in-process listeners).
 */
import type { BridgeStack } from "../../test/support/bridgeStack";

/** What a seller saves to share an opportunity with Microsoft: sync on, help requested, visible, one product. */
export const SHARE_WITH_MICROSOFT = {
  csb_syncwithpartnercenter: true,
  csb_microsofthelp: "582100000",
  csb_sharewithmicrosoft: true,
  csb_products: "SOL-20418-K2P",
} as const;

export class Seller {
  private constructor(
    private readonly apiUrl: string,
    private readonly token: string,
  ) {}

  static async signIn(stack: BridgeStack): Promise<Seller> {
    return new Seller(stack.dataverse.apiUrl, await stack.dataverse.admin.getToken({ user: "seller" }));
  }

  /** Ids of open opportunities, at most `count`. */
  async openOpportunities(count: number): Promise<string[]> {
    const rows: string[] = [];
    let url: string | null = `${this.apiUrl}/opportunities?$select=opportunityid&$filter=statecode eq 0`;
    while (url !== null && rows.length < count) {
      const response = await fetch(url, { headers: this.headers({ prefer: "odata.maxpagesize=500" }) });
      const page = (await response.json()) as { value: { opportunityid: string }[]; "@odata.nextLink"?: string };
      rows.push(...page.value.map((row) => row.opportunityid));
      url = page["@odata.nextLink"] ?? null;
    }
    return rows.slice(0, count);
  }

  async save(opportunityId: string, values: Record<string, unknown>): Promise<void> {
    const response = await fetch(`${this.apiUrl}/opportunities(${opportunityId})`, {
      method: "PATCH",
      headers: this.headers({ "content-type": "application/json", "if-match": "*" }),
      body: JSON.stringify(values),
    });
    if (response.status !== 204)
      throw new Error(`the seller's save failed: ${response.status} ${await response.text()}`);
  }

  private headers(extra: Record<string, string>): Record<string, string> {
    return { authorization: `Bearer ${this.token}`, accept: "application/json", ...extra };
  }
}

/** Resolves when a referral with externalReferenceId = the opportunity id is created in Partner Center. */
export function referralCreatedFor(stack: BridgeStack, opportunityId: string): Promise<number> {
  return new Promise((resolve) => {
    const stop = stack.partnerCenter.state.onEvent((event) => {
      if (event.eventName !== "referral-created") return;
      const referral = stack.partnerCenter.state.referrals.get(event.referralId);
      if (referral.externalReferenceId?.toLowerCase() === opportunityId) {
        stop();
        resolve(performance.now());
      }
    });
  });
}

/** Resolves when Dataverse commits a change to the opportunity that sets `column`. */
export function dataverseChange(stack: BridgeStack, opportunityId: string, column: string): Promise<number> {
  return new Promise((resolve) => {
    const stop = stack.dataverse.org.onChange((event) => {
      if (event.table === "opportunity" && event.id === opportunityId && event.changedAttributes.includes(column)) {
        stop();
        resolve(performance.now());
      }
    });
  });
}

/** Resolves with the audit when the service writes csb_syncstatus = Error on the opportunity (e.g. invalid data). */
export function syncFailed(stack: BridgeStack, opportunityId: string): Promise<string> {
  return new Promise((resolve) => {
    const stop = stack.dataverse.org.onChange((event) => {
      if (event.table !== "opportunity" || event.id !== opportunityId) return;
      if (!event.changedAttributes.includes("csb_syncstatus")) return;
      const row = stack.dataverse.org.retrieve("opportunity", opportunityId, {
        select: ["csb_syncstatus", "csb_audit"],
      });
      if (row.csb_syncstatus === 582100003) {
        stop();
        resolve(String(row.csb_audit).split("\n")[0] ?? "");
      }
    });
  });
}

/** Resolves when Partner Center stores a change of the referral's deal value. */
export function referralDealValueChange(stack: BridgeStack, referralId: string, value: number): Promise<number> {
  return new Promise((resolve) => {
    const stop = stack.partnerCenter.state.onEvent((event) => {
      if (event.referralId !== referralId) return;
      if (stack.partnerCenter.state.referrals.get(referralId).details?.dealValue === value) {
        stop();
        resolve(performance.now());
      }
    });
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
