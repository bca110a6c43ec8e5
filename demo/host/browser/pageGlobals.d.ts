/**
 * The globals the host page shares with the platform libraries and the control: React and ReactDOM (UMD builds),
 * and the sync-service token provider of the contract. (The registry a bundle calls, window.ComponentFramework, is
 * typed in controlRuntime.ts: the global ComponentFramework namespace of the PCF types already owns that name.)
 */
import type * as ReactDomModule from "react-dom";

/** A control class as a pcf-scripts bundle hands it to ComponentFramework.registerControl. */
export type ControlClass = new () => ComponentFramework.ReactControl<
  Record<string, ComponentFramework.PropertyTypes.Property>,
  Record<string, unknown>
>;

declare global {
  interface Window {
    ReactDOM: typeof ReactDomModule;
    CoSellBridgeAuth?: { getAccessToken(): Promise<string> };
  }
}
