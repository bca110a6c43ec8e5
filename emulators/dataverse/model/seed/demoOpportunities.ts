/**
 * Demo opportunities across Open, Won and Lost and every sales stage, with values in each account's currency, close
 * dates around "now", and a few marked Sync with Partner Center with help codes and products. Won and lost deals are
 * closed through the WinOpportunity/LoseOpportunity actions, so each has its opportunityclose like a real one.
 */
import { columnOfSolutionIds, MicrosoftHelpOption, OpportunityStatus, SalesStage } from "../../../../core";
import type { IdGenerator } from "../../../shared/ids";
import type { OrganizationSession } from "../session";
import type { DemoAccount } from "./demoAccounts";
import { dealTopics, stepNames } from "./demoCatalogue";
import type { SeededRandom } from "./seededRandom";

export interface OpportunityPlan {
  readonly count: number;
  readonly accounts: readonly DemoAccount[];
  readonly solutionIds: readonly string[];
  readonly today: Date;
}

const day = 86_400_000;
const stages = [SalesStage.Qualify, SalesStage.Develop, SalesStage.Propose, SalesStage.Close] as const;
const probabilityByStage = [10, 30, 60, 80] as const;
const helpOptions = Object.values(MicrosoftHelpOption);
const fixedStates = ["open", "open", "open", "open", "won", "lost"] as const;

function drawState(random: SeededRandom): "open" | "won" | "lost" {
  const outcome = random.next();
  return outcome < 0.55 ? "open" : outcome < 0.85 ? "won" : "lost";
}

/** Creates `plan.count` opportunities as `seller` and returns their ids in creation order. */
export function seedOpportunities(
  seller: OrganizationSession,
  random: SeededRandom,
  ids: IdGenerator,
  plan: OpportunityPlan,
): string[] {
  const created: string[] = [];
  for (let index = 0; index < plan.count; index += 1) {
    const account = plan.accounts[index % plan.accounts.length] ?? random.pick(plan.accounts);
    // The first six cover every stage while open, then one won and one lost; the rest are drawn at random.
    const state = index < 6 ? (fixedStates[index] ?? "open") : drawState(random);
    const stage = state === "won" ? SalesStage.Close : (stages[index] ?? random.pick(stages));
    const closeDate = dateOnly(plan.today, state === "open" ? random.integer(7, 210) : -random.integer(1, 400));
    const estimatedValue = dealValue(random, account.currencyCode);
    const id = ids();
    const cosell = random.chance(0.08) || index === 0;
    seller.create("opportunity", {
      opportunityid: id,
      name: `${account.name}: ${random.pick(dealTopics)}`,
      description: random.chance(0.6)
        ? "Discovery call held; customer wants a proposal before their budget cycle."
        : null,
      estimatedvalue: estimatedValue,
      budgetamount: random.chance(0.4) ? Math.round(estimatedValue * 1.2) : null,
      estimatedclosedate: closeDate,
      salesstage: stage,
      stepname: stepNames[stage] ?? null,
      closeprobability: probabilityByStage[stage],
      statuscode: state === "open" && random.chance(0.1) ? OpportunityStatus.OnHold : OpportunityStatus.InProgress,
      overriddencreatedon: `${dateOnly(new Date(`${closeDate}T00:00:00Z`), -random.integer(30, 180))}T09:00:00Z`,
      "transactioncurrencyid@odata.bind": `/transactioncurrencies(${account.currencyId})`,
      "parentaccountid@odata.bind": `/accounts(${account.id})`,
      "customerid_account@odata.bind": `/accounts(${account.id})`,
      ...(account.contactIds.length > 0 && {
        "parentcontactid@odata.bind": `/contacts(${random.pick(account.contactIds)})`,
      }),
      ...(cosell && coSellValues(random, plan.solutionIds)),
    });
    if (state !== "open") closeDeal(seller, random, ids, id, state, estimatedValue, closeDate);
    created.push(id);
  }
  return created;
}

function closeDeal(
  seller: OrganizationSession,
  random: SeededRandom,
  ids: IdGenerator,
  opportunityId: string,
  state: "won" | "lost",
  estimatedValue: number,
  closeDate: string,
): void {
  const close = {
    activityid: ids(),
    subject: state === "won" ? "Won Opportunity" : "Lost Opportunity",
    actualend: `${closeDate}T16:00:00Z`,
    "opportunityid@odata.bind": `/opportunities(${opportunityId})`,
  };
  if (state === "won") {
    const revenue = Math.round(estimatedValue * (0.9 + random.next() * 0.2));
    seller.winOpportunity({ Status: OpportunityStatus.Won, OpportunityClose: { ...close, actualrevenue: revenue } });
  } else {
    const status = random.chance(0.6) ? OpportunityStatus.OutSold : OpportunityStatus.Canceled;
    seller.loseOpportunity({ Status: status, OpportunityClose: close });
  }
}

function coSellValues(random: SeededRandom, solutionIds: readonly string[]): Record<string, unknown> {
  return {
    csb_syncwithpartnercenter: true,
    csb_sharewithmicrosoft: random.chance(0.5),
    csb_microsofthelp: random.sample(helpOptions, random.integer(1, 2)).join(","),
    csb_products: columnOfSolutionIds(random.sample(solutionIds, random.integer(1, 2))),
  };
}

/** Log-uniform between 10 000 and 2 500 000 dollars, in the account's currency. */
function dealValue(random: SeededRandom, currencyCode: string): number {
  const dollars = 10_000 * Math.pow(250, random.next());
  if (currencyCode === "JPY") return Math.round((dollars * 150) / 10_000) * 10_000;
  return Math.round(dollars / 500) * 500;
}

/** The date `days` away from `from`, as `YYYY-MM-DD`. */
export function dateOnly(from: Date, days: number): string {
  return new Date(from.getTime() + days * day).toISOString().slice(0, 10);
}
