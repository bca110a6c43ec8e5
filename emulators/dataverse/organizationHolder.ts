/**
 * The emulator's current organization. It is built once at start (from the snapshot file when there is one,
 * otherwise with the co-sell schema and the demo seed), and replaced by an admin reset or a snapshot load; whatever
 * listens to it (the webhook bridge) is attached to each new organization and detached from the old one.
 */
import { existsSync, rmSync } from "node:fs";
import type { Logger } from "../http";
import { BASELINE_USERS } from "./defaults";
import {
  DataverseOrganization,
  seedDemoOrganization,
  withCoSellSchema,
  type ODataRow,
  type OrganizationOptions,
  type OrganizationSnapshot,
} from "./model";
import type { DataverseSeedOptions } from "./options";
import type { RepeatableRuns } from "./repeatableRuns";

/** How organizations are built. */
export interface OrganizationSettings {
  readonly runs: RepeatableRuns;
  readonly snapshotFile: string | undefined;
  readonly coSellSchema: boolean;
  readonly seed: Required<DataverseSeedOptions>;
  readonly integrationClientId: string;
  readonly logger: Logger | undefined;
}

/** The users tests and the demo act as. */
export interface KnownUsers {
  /** The application user of the integration client, when there is one. */
  readonly integrationUserId: string | undefined;
  /** The first ordinary user with an Azure AD object id (the demo seller). */
  readonly seller: { readonly systemuserid: string; readonly azureactivedirectoryobjectid: string } | undefined;
}

/** Called with each new organization; returns the function that detaches from it. */
export type OrganizationAttacher = (organization: DataverseOrganization) => () => void;

export class OrganizationHolder {
  private current: DataverseOrganization;
  private readonly attachers: OrganizationAttacher[] = [];
  private detachers: (() => void)[] = [];

  /** @throws SnapshotError when the snapshot file exists but is not a snapshot. */
  constructor(private readonly settings: OrganizationSettings) {
    this.current = this.build();
  }

  get organization(): DataverseOrganization {
    return this.current;
  }

  /** Attaches `attacher` to the current organization and to every later one. */
  attach(attacher: OrganizationAttacher): void {
    this.attachers.push(attacher);
    this.detachers.push(attacher(this.current));
  }

  /** A fresh organization, built as at start but never from the snapshot file (which it then overwrites). */
  reset(seed: Partial<DataverseSeedOptions> = {}): DataverseOrganization {
    if (this.settings.snapshotFile !== undefined) rmSync(this.settings.snapshotFile, { force: true });
    return this.swap(this.build({ ...this.settings.seed, ...seed }));
  }

  /** An organization holding `snapshot`. @throws SnapshotError for malformed input; nothing changes then. */
  load(snapshot: unknown): DataverseOrganization {
    return this.swap(DataverseOrganization.fromSnapshot(snapshot as OrganizationSnapshot, this.organizationOptions()));
  }

  /** Detaches every listener from the current organization. */
  detach(): void {
    for (const detach of this.detachers.splice(0)) detach();
  }

  /** The integration application user and the seller, looked up in the current organization. */
  knownUsers(): KnownUsers {
    const org = this.current;
    const users = org.retrieveMultiple("systemusers", {
      select: ["systemuserid", "applicationid", "azureactivedirectoryobjectid"],
    }).value;
    const seller = users.find((user) => typeof user.azureactivedirectoryobjectid === "string" && !isApp(user));
    return {
      integrationUserId: org.applicationUserId(this.settings.integrationClientId),
      seller:
        seller === undefined
          ? undefined
          : {
              systemuserid: String(seller.systemuserid),
              azureactivedirectoryobjectid: String(seller.azureactivedirectoryobjectid),
            },
    };
  }

  private swap(next: DataverseOrganization): DataverseOrganization {
    this.detach();
    this.current = next;
    this.detachers = this.attachers.map((attacher) => attacher(next));
    return next;
  }

  private organizationOptions(): OrganizationOptions {
    const { runs, snapshotFile, logger } = this.settings;
    return {
      clock: runs.clock,
      ids: runs.ids,
      ...(snapshotFile === undefined ? {} : { snapshotFile }),
      onListenerError: (error, event) => {
        logger?.error("a change listener failed", {
          message: event.message,
          table: event.table,
          id: event.id,
          error: error instanceof Error ? error.message : String(error),
        });
      },
    };
  }

  private build(seed: Required<DataverseSeedOptions> = this.settings.seed): DataverseOrganization {
    const { snapshotFile, coSellSchema, integrationClientId } = this.settings;
    const restoring = snapshotFile !== undefined && existsSync(snapshotFile);
    const org = new DataverseOrganization(this.organizationOptions());
    if (restoring) return org;
    if (coSellSchema) withCoSellSchema(org);
    if (seed.demo) {
      seedDemoOrganization(org, { seed: seed.seed, opportunities: seed.opportunities, integrationClientId });
    } else {
      org.transaction((organization) => {
        organization.create("systemuser", { ...BASELINE_USERS.integration, applicationid: integrationClientId });
        organization.create("systemuser", { ...BASELINE_USERS.seller });
      });
    }
    return org;
  }
}

function isApp(user: ODataRow): boolean {
  return typeof user.applicationid === "string";
}
