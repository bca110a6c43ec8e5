/**
 * The parts of the admin API (/admin/...) that both emulators offer in the same shape: where it lives, the key header,
 * and the wire types of the clock and request log routes (controlRoutes.ts). Each emulator's own adminTypes.ts
 * re-exports them next to its specific types, so its clients and tests find them in one place.
 */
import type { RequestLogEntry } from "../../http";

/** Where the admin API lives. */
export const ADMIN_BASE_PATH = "/admin";

/** The header that carries the admin key, when the emulator was started with one. */
export const ADMIN_KEY_HEADER = "x-emulator-admin-key";

/** `GET /admin/clock`. */
export interface ClockState {
  readonly now: string;
  /** True when the emulator runs on a ManualClock, the only clock the admin API may move. */
  readonly manual: boolean;
}

/** `POST /admin/clock/advance`: the parts add up, e.g. `{ days: 14, hours: 1 }` or `{ minutes: 5, seconds: 1 }`. */
export interface ClockAdvance {
  readonly ms?: number;
  readonly seconds?: number;
  readonly minutes?: number;
  readonly hours?: number;
  readonly days?: number;
}

/** Filters of `GET /admin/requests`; all optional, all must hold. */
export interface RequestLogQuery {
  readonly method?: string;
  readonly pathPrefix?: string;
  readonly status?: number;
}

/** `GET /admin/requests`. */
export interface RequestLogPage {
  readonly count: number;
  readonly entries: readonly RequestLogEntry[];
}
