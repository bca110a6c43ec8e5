/**
 * What the admin routes reach into: every part of the running emulator. Kept in one object so route modules take a
 * single parameter and the server wires it once.
 */
import type { TokenIssuer } from "../../auth";
import type { FaultInjector, RequestLog } from "../../http";
import type { Clock } from "../../shared/clock";
import type { EmulatorInfo } from "../adminTypes";
import type { ResolvedEmulatorOptions } from "../options";
import type { EmulatorState } from "../state";
import type { StateHolder } from "../stateHolder";
import type { WebhookEmulator } from "../webhooks";

/** The running emulator as the admin routes see it. */
export interface AdminContext {
  readonly holder: StateHolder;
  readonly clock: Clock;
  readonly issuer: TokenIssuer;
  readonly webhooks: WebhookEmulator;
  readonly log: RequestLog;
  readonly faults: FaultInjector;
  readonly settings: ResolvedEmulatorOptions;
  /** With autoExpire (the default), expires invitations past their time (§1.5) and returns their ids; else []. */
  readonly expireDue: () => string[];
  readonly info: () => EmulatorInfo;
}

/** The current state, after expiring what is due, so every admin action sees what the API would. */
export function freshState(context: AdminContext): EmulatorState {
  context.expireDue();
  return context.holder.state;
}
