/**
 * The whole loop on one machine, for `npm start` and the end-to-end tests: ports first, then in order the Dataverse
 * emulator, the Partner Center emulator, the managed solution deployed into Dataverse, the sync service on PGlite in
 * a temp folder, the webhooks both ways, and the demo site (the opportunity list, the form with the real control,
 * the Partner Center view, the operator sign-in). stop() takes them down in reverse and deletes the temp folder.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { DataverseEmulator } from "../../emulators/dataverse";
import type { PartnerCenterEmulator } from "../../emulators/partner-center";
import type { LogLevel } from "../../server/config/types";
import type { LogStream } from "../../server/http/logging";
import type { RunningService } from "../../server/runtime/service";
import { findBuiltArtifacts } from "./builtArtifacts";
import { startDemoDataverse } from "./demoDataverse";
import { createDemoIdentities, type DemoIdentities } from "./demoIdentities";
import { startDemoPartnerCenter } from "./demoPartnerCenter";
import { registerPartnerCenterWebhook, startDemoService } from "./demoService";
import { startDemoSite } from "./demoSite";
import { deploySolution } from "./deploySolution";
import { choosePorts, type DemoPorts, type PortRequests } from "./ports";
import { step, type ProgressReport } from "./progress";

export interface DemoOptions {
  /** Ports asked for (0 = any free port); the defaults otherwise (8080, 3000, 7071, 7072). */
  readonly ports?: PortRequests;
  /** Where progress lines go; default nowhere. */
  readonly report?: ProgressReport;
  /** The service's log level (default "warn"), and where its JSON lines go (default standard output). */
  readonly serviceLogLevel?: LogLevel;
  readonly serviceLogStream?: LogStream;
  /** A fresh folder for the service's PGlite data and the deploy profile, deleted at stop; default a new temp one. */
  readonly workDir?: string;
  /** Default: the repository this file is in. */
  readonly repositoryRoot?: string;
}

export interface DemoUrls {
  /** The opportunity list. */
  readonly site: string;
  /** The form of an open opportunity that is ready to co-sell. */
  readonly exampleForm: string;
  readonly partnerCenterView: string;
  readonly operator: string;
  readonly service: string;
  readonly dataverse: string;
  readonly partnerCenter: string;
}

export interface RunningDemo {
  readonly urls: DemoUrls;
  readonly ports: DemoPorts;
  /** Default ports that were taken, and what was used instead. */
  readonly notes: readonly string[];
  readonly dataverse: DataverseEmulator;
  readonly partnerCenter: PartnerCenterEmulator;
  readonly service: RunningService;
  readonly identities: DemoIdentities;
  readonly workDir: string;
  /** The form URL of an opportunity. */
  formUrl(opportunityId: string): string;
  /** Stops everything in reverse order and deletes the work folder. Safe to call twice. */
  stop(): Promise<void>;
}

/** Starts the demo. @throws DemoStartError (or the failing part's error) after stopping what had started. */
export async function startDemo(options: DemoOptions = {}): Promise<RunningDemo> {
  const report = options.report ?? (() => undefined);
  const repositoryRoot = options.repositoryRoot ?? resolve(__dirname, "../..");
  const built = findBuiltArtifacts(repositoryRoot);
  const { ports, notes } = await choosePorts(options.ports ?? {});
  for (const note of notes) report(`! ${note}`);
  const siteUrl = `http://127.0.0.1:${ports.site}`;
  const serviceUrl = `http://127.0.0.1:${ports.service}`;
  const identities = createDemoIdentities();
  const workDir = options.workDir ?? (await mkdtemp(join(tmpdir(), "cosell-demo-")));
  const stoppers: (() => Promise<unknown>)[] = [() => rm(workDir, { recursive: true, force: true })];
  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= stopAll(stoppers);
    return stopping;
  };

  try {
    const dataverse = await step(
      report,
      "Dataverse emulator",
      () => startDemoDataverse(ports.dataverse, identities),
      (started) => `${started.emulator.url}  (demo organization, ${started.catalogue.length} co-sell solutions)`,
    );
    stoppers.push(() => dataverse.emulator.close());
    const partnerCenter = await step(
      report,
      "Partner Center emulator",
      () => startDemoPartnerCenter(ports.partnerCenter, identities, dataverse.catalogue),
      (started) => `${started.emulator.url}  (${started.inboundReferralIds.length} referrals shared by Microsoft)`,
    );
    stoppers.push(() => partnerCenter.emulator.close());
    await step(
      report,
      "Solution deployed",
      () =>
        deploySolution({
          dataverse: dataverse.emulator,
          serviceUrl,
          identities,
          packagesDir: built.outDir,
          workDir,
        }),
      () => `CoSellBridge ${built.solutionVersion} (managed), environment variables set, csb_SyncEndpointUrl = service`,
    );
    const running = await step(
      report,
      "Sync service",
      () =>
        startDemoService({
          port: ports.service,
          dataverse: dataverse.emulator,
          partnerCenter: partnerCenter.emulator,
          identities,
          dataDir: workDir,
          siteUrl,
          logLevel: options.serviceLogLevel ?? "warn",
          ...(options.serviceLogStream === undefined ? {} : { logStream: options.serviceLogStream }),
        }),
      (started) => `${started.url}  (PGlite in ${workDir})`,
    );
    stoppers.push(() => running.service.stop());
    await step(
      report,
      "Webhooks",
      () => registerPartnerCenterWebhook(running),
      () => "Dataverse → service, Partner Center → service",
    );
    const site = await step(
      report,
      "Demo site",
      () =>
        startDemoSite({
          port: ports.site,
          repositoryRoot,
          dataverse: dataverse.emulator,
          partnerCenter: partnerCenter.emulator,
          serviceUrl: running.url,
          operatorClientId: identities.operator.clientId,
        }),
      (started) => started.url,
    );
    stoppers.push(() => site.close());
    return {
      urls: {
        site: site.url,
        exampleForm: site.formUrl(site.exampleOpportunityId),
        partnerCenterView: `${site.url}/partner-center`,
        operator: `${site.url}/operator`,
        service: running.url,
        dataverse: dataverse.emulator.url,
        partnerCenter: partnerCenter.emulator.url,
      },
      ports,
      notes,
      dataverse: dataverse.emulator,
      partnerCenter: partnerCenter.emulator,
      service: running.service,
      identities,
      workDir,
      formUrl: (id) => site.formUrl(id),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Runs every stopper, newest first, even when one fails; rethrows the first failure at the end. */
async function stopAll(stoppers: readonly (() => Promise<unknown>)[]): Promise<void> {
  let failure: Error | null = null;
  for (const stopper of [...stoppers].reverse()) {
    try {
      await stopper();
    } catch (error) {
      failure ??= error instanceof Error ? error : new Error(String(error));
    }
  }
  if (failure !== null) throw failure;
}
