/** Installs the platform's tables into an empty catalog, before any customization is recorded. */
import type { MetadataCatalog } from "./catalog";
import { environmentVariableTables } from "./environmentVariableTables";
import { salesTables } from "./salesTables";
import { solutionTables } from "./solutionTables";
import { webhookTables } from "./webhookTables";

export function installSystemSchema(catalog: MetadataCatalog): void {
  for (const table of [...salesTables, ...environmentVariableTables, ...webhookTables, ...solutionTables])
    catalog.addTable(table);
}
