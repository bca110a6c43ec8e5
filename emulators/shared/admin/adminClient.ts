/**
 * What both emulators' typed admin clients share: the transport, and one method per shared admin route (the clock,
 * faults and the request log of controlRoutes.ts). Each emulator's client extends it with its own routes.
 */
import type { ActiveFaultRule, FaultRule, RequestLogEntry } from "../../http";
import { AdminTransport, type AdminErrorClass, type AdminTransportOptions } from "./adminTransport";
import type { ClockAdvance, ClockState, RequestLogPage, RequestLogQuery } from "./adminTypes";

/**
 * The shared admin API of one running emulator. `ClockMoved` is what the emulator answers to a clock move. Every
 * method throws the emulator's EmulatorAdminError subclass for a refusal.
 */
export abstract class EmulatorAdminClient<ClockMoved> {
  protected readonly transport: AdminTransport;

  /** `baseUrl` is the emulator's URL (e.g. `http://127.0.0.1:7071`), not the /admin path. */
  protected constructor(baseUrl: string, refusal: AdminErrorClass, options: AdminTransportOptions) {
    this.transport = new AdminTransport(baseUrl, refusal, options);
  }

  // The clock.

  getClock(): Promise<ClockState> {
    return this.get("/admin/clock");
  }

  /** Sets a ManualClock (409 on the system clock). */
  setClock(now: Date | string): Promise<ClockMoved> {
    return this.transport.send("PUT", "/admin/clock", { now: typeof now === "string" ? now : now.toISOString() });
  }

  /** Moves a ManualClock forward by milliseconds or by parts (`{ days: 14 }`, `{ minutes: 5 }`). */
  advanceClock(by: number | ClockAdvance): Promise<ClockMoved> {
    return this.transport.send("POST", "/admin/clock/advance", typeof by === "number" ? { ms: by } : by);
  }

  // Faults and the request log.

  async listFaults(): Promise<readonly ActiveFaultRule[]> {
    return (await this.get<{ value: ActiveFaultRule[] }>("/admin/faults")).value;
  }

  /** Adds a fault rule; returns its id. */
  async addFault(rule: FaultRule): Promise<string> {
    return (await this.transport.send<{ id: string }>("POST", "/admin/faults", rule)).id;
  }

  removeFault(id: string): Promise<void> {
    return this.transport.send("DELETE", `/admin/faults/${encodeURIComponent(id)}`);
  }

  clearFaults(): Promise<void> {
    return this.transport.send("DELETE", "/admin/faults");
  }

  /** The requests the emulator served outside its admin API (admin calls are not logged), optionally filtered. */
  async requests(query: RequestLogQuery = {}): Promise<readonly RequestLogEntry[]> {
    return (await this.get<RequestLogPage>(`/admin/requests${searchOf(query)}`)).entries;
  }

  async countRequests(query: RequestLogQuery = {}): Promise<number> {
    return (await this.get<RequestLogPage>(`/admin/requests${searchOf(query)}`)).count;
  }

  resetRequests(): Promise<void> {
    return this.transport.send("DELETE", "/admin/requests");
  }

  protected get<T>(path: string): Promise<T> {
    return this.transport.send("GET", path);
  }

  protected post<T>(path: string): Promise<T> {
    return this.transport.send("POST", path);
  }
}

function searchOf(query: RequestLogQuery): string {
  const pairs = Object.entries(query).filter(([, value]) => value !== undefined);
  if (pairs.length === 0) return "";
  return `?${pairs.map(([name, value]) => `${name}=${encodeURIComponent(String(value))}`).join("&")}`;
}
