/**
 * The webhook registrations of the organization, read from its own tables (dataverse.md §3.1, §3.2): service
 * endpoints, SDK message processing steps, their images, messages and filters. So steps registered through the Web
 * API or by ImportSolution fire alike. `authvalue` is not readable (§3.1: IsValidForRead = False), so the registry
 * keeps it from the committed changes it hears about and from the organization's snapshot when it attaches.
 */
import type { ChangeEvent, DataverseOrganization, ODataRow } from "./model";
import type {
  ServiceEndpointRegistration,
  StepImageRegistration,
  StepRegistration,
  WebhookRegistrations,
} from "./webhooks";

const SERVICE_ENDPOINT = "serviceendpoint";
const STEP = "sdkmessageprocessingstep";
/** The tables whose changes make the cached registrations stale. */
const REGISTRATION_TABLES = new Set([
  SERVICE_ENDPOINT,
  STEP,
  "sdkmessageprocessingstepimage",
  "sdkmessage",
  "sdkmessagefilter",
]);
const LOGICAL_NAME = "@Microsoft.Dynamics.CRM.lookuplogicalname";

export class WebhookRegistry {
  private cached: WebhookRegistrations | undefined;
  private readonly authValues = new Map<string, string | null>();

  constructor(private readonly organization: () => DataverseOrganization) {}

  /** Follows `organization`'s changes; returns the function that stops following them. */
  attach(organization: DataverseOrganization): () => void {
    this.cached = undefined;
    this.authValues.clear();
    for (const row of organization.toSnapshot().rows[SERVICE_ENDPOINT] ?? []) {
      const value = row.values.authvalue;
      this.authValues.set(row.id, typeof value === "string" ? value : null);
    }
    return organization.onChange((event) => {
      this.heard(event);
    });
  }

  /** Every registration, read once after each change to the registration tables. */
  registrations(): WebhookRegistrations {
    this.cached ??= this.read(this.organization());
    return this.cached;
  }

  /**
   * The registrations as they apply to one table: a step without a message filter applies to every table
   * (the Plug-in Registration tool's "none"), so it is given that table's name.
   */
  registrationsFor(entityName: string): WebhookRegistrations {
    const { serviceEndpoints, steps } = this.registrations();
    return {
      serviceEndpoints,
      steps: steps.map((step) => (step.primaryEntity === "" ? { ...step, primaryEntity: entityName } : step)),
    };
  }

  private heard(event: ChangeEvent): void {
    if (!REGISTRATION_TABLES.has(event.table)) return;
    this.cached = undefined;
    if (event.table !== SERVICE_ENDPOINT) return;
    if (event.message === "Delete") {
      this.authValues.delete(event.id);
      return;
    }
    const value = event.postImage?.authvalue?.value;
    this.authValues.set(event.id, typeof value === "string" ? value : null);
  }

  private read(org: DataverseOrganization): WebhookRegistrations {
    const all = (table: string, select: string[]) =>
      org.retrieveMultiple(table, { select, includeAnnotations: LOGICAL_NAME.slice(1) }).value;
    const messages = new Map(all("sdkmessages", ["name"]).map((row) => [String(row.sdkmessageid), String(row.name)]));
    const filters = new Map(
      all("sdkmessagefilters", ["primaryobjecttypecode"]).map((row) => [
        String(row.sdkmessagefilterid),
        text(row.primaryobjecttypecode) ?? "",
      ]),
    );
    const images = all("sdkmessageprocessingstepimages", [
      "name",
      "entityalias",
      "imagetype",
      "attributes",
      "_sdkmessageprocessingstepid_value",
    ]);
    const serviceEndpoints = all("serviceendpoints", ["name", "url", "contract", "authtype", "messageformat"]).map(
      (row): ServiceEndpointRegistration => ({
        serviceendpointid: String(row.serviceendpointid),
        name: text(row.name) ?? "",
        url: text(row.url) ?? "",
        contract: number(row.contract) ?? 0,
        authtype: number(row.authtype) ?? 0,
        authvalue: this.authValues.get(String(row.serviceendpointid)) ?? null,
        messageformat: number(row.messageformat) ?? 2,
      }),
    );
    const stepColumns = ["name", "mode", "stage", "rank", "filteringattributes", "asyncautodelete", "statecode"];
    const lookups = ["_eventhandler_value", "_sdkmessageid_value", "_sdkmessagefilterid_value"];
    const steps = all("sdkmessageprocessingsteps", [...stepColumns, ...lookups]).flatMap((row): StepRegistration[] => {
      if (row[`_eventhandler_value${LOGICAL_NAME}`] !== SERVICE_ENDPOINT) return [];
      const id = String(row.sdkmessageprocessingstepid);
      const message = messages.get(String(row._sdkmessageid_value));
      if (message === undefined) return [];
      const filter = text(row._sdkmessagefilterid_value);
      return [
        {
          sdkmessageprocessingstepid: id,
          name: text(row.name) ?? "",
          message,
          primaryEntity: filter === undefined ? "" : (filters.get(filter) ?? ""),
          stage: number(row.stage) ?? 0,
          mode: number(row.mode) === 1 ? 1 : 0,
          rank: number(row.rank) ?? 1,
          filteringattributes: text(row.filteringattributes) ?? null,
          enabled: row.statecode === 0,
          asyncautodelete: row.asyncautodelete === true,
          eventHandlerServiceEndpointId: String(row._eventhandler_value),
          images: images.filter((image) => image._sdkmessageprocessingstepid_value === id).map(imageOf),
        },
      ];
    });
    return { serviceEndpoints, steps };
  }
}

function imageOf(row: ODataRow): StepImageRegistration {
  const type = number(row.imagetype);
  const name = text(row.name);
  return {
    entityalias: text(row.entityalias) ?? name ?? "Image",
    ...(name === undefined ? {} : { name }),
    imagetype: type === 1 || type === 2 ? type : 0,
    attributes: text(row.attributes) ?? null,
  };
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

function number(value: unknown): number | undefined {
  return typeof value === "number" ? value : undefined;
}
