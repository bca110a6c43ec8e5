/**
 * Security roles. The seller role is added on top of a seller's usual role (e.g. Salesperson, which already reads and
 * writes their opportunities): it lets them read the Partner Center solution catalogue and the environment variables
 * the form reads. The integration role is for the service's application user: what the sync engine reads and writes
 * (opportunities and their accounts, contacts and currencies, closing opportunities, the catalogue). Registering the
 * webhook is an admin's task (System Customizer), so neither role can change service endpoints or steps.
 *
 * Privilege names are `prv<Action><table>` (system tables by schema name; custom ones by logical name). Organization-
 * owned tables (the catalogue, environment variables, currencies) only have the Global depth.
 */
import { partnerCenterSolutionTable } from "../../core/dataverse/schema";
import type { PrivilegeDepth, SecurityRoleDefinition } from "./model";

type Action = "Create" | "Read" | "Write" | "Delete" | "Append" | "AppendTo";

function privileges(table: string, depth: PrivilegeDepth, actions: readonly Action[]) {
  return actions.map((action) => ({ name: `prv${action}${table}`, depth }));
}

const catalogue = partnerCenterSolutionTable.logicalName;
const readSettings = [
  ...privileges("EnvironmentVariableDefinition", "Global", ["Read"]),
  ...privileges("EnvironmentVariableValue", "Global", ["Read"]),
];
const allData: readonly Action[] = ["Create", "Read", "Write", "Append", "AppendTo"];

export const sellerRole: SecurityRoleDefinition = {
  id: "758b237f-0d29-4794-8c40-08ab375feff4",
  name: "Co-sell Bridge Seller",
  description: "Add to sellers who co-sell with Microsoft, next to their usual sales role.",
  privileges: [...privileges(catalogue, "Global", ["Read"]), ...readSettings],
};

export const integrationRole: SecurityRoleDefinition = {
  id: "295c878f-501b-46c2-866e-88625b2961d4",
  name: "Co-sell Bridge Integration",
  description: "For the Co-sell Bridge service's application user: syncs opportunities with Partner Center.",
  privileges: [
    ...privileges("Opportunity", "Global", allData),
    ...privileges("Account", "Global", allData),
    ...privileges("Contact", "Global", allData),
    ...privileges("TransactionCurrency", "Global", ["Read"]),
    ...privileges("User", "Global", ["Read"]),
    // Winning or losing an opportunity creates its opportunity close activity.
    ...privileges("Activity", "Global", ["Create", "Read", "Write", "Append", "AppendTo"]),
    ...privileges(catalogue, "Global", ["Create", "Read", "Write", "Delete", "Append", "AppendTo"]),
    ...readSettings,
  ],
};

export const securityRoles: readonly SecurityRoleDefinition[] = [sellerRole, integrationRole];
