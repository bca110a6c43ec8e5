/**
 * What the admin routes reach into: every part of the running emulator, in one object so that route modules take a
 * single parameter and the server wires it once.
 */
import type { TokenIssuer } from "../../auth";
import type { FaultInjector, RequestLog } from "../../http";
import type { Clock } from "../../shared/clock";
import type { DataverseEmulatorInfo } from "../adminTypes";
import type { DeliveryLog } from "../deliveryLog";
import type { OrganizationHolder } from "../organizationHolder";
import type { ResolvedDataverseOptions } from "../options";
import type { SystemJobs } from "../systemJobs";
import type { WebhookCaller } from "../webhooks";
import type { WriteCoordinator } from "../writeCoordinator";
import type { ServiceProtection } from "./serviceProtection";

/** The running emulator as the admin routes see it. */
export interface AdminContext {
  readonly holder: OrganizationHolder;
  readonly coordinator: WriteCoordinator;
  readonly clock: Clock;
  readonly issuer: TokenIssuer;
  readonly log: RequestLog;
  readonly faults: FaultInjector;
  readonly protection: ServiceProtection;
  readonly caller: WebhookCaller;
  readonly systemJobs: SystemJobs;
  readonly deliveries: DeliveryLog;
  readonly settings: ResolvedDataverseOptions;
  /** The audience of the emulator's own tokens: its URL. */
  readonly audience: () => string;
  readonly info: () => DataverseEmulatorInfo;
}
