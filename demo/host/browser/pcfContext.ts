/**
 * The PCF context the form gives the CoSellPanel on each updateView: exactly the members of the contract (reading any
 * other one is reported, see contractGuard.ts). mode.allocatedWidth follows the platform: -1 until the control calls
 * trackContainerResize(true), then the container's width in pixels
 * (https://learn.microsoft.com/power-apps/developer/component-framework/reference/mode/trackcontainerresize).
 * contextInfo and page are not in @types/powerapps-component-framework but are present in model-driven apps.
 */
import type { HostConfig } from "../shared/hostConfig";
import { guardContract } from "./contractGuard";

type Property = ComponentFramework.PropertyTypes.Property;
export type HostContext = ComponentFramework.Context<Record<string, Property>>;

export interface ContextParts {
  readonly config: HostConfig;
  readonly parameters: Record<string, Property>;
  readonly getString: (key: string) => string;
  readonly webAPI: ComponentFramework.WebApi;
  /** -1 while the container is not tracked. */
  readonly allocatedWidth: number;
  readonly updatedProperties: readonly string[];
  readonly trackContainerResize: (track: boolean) => void;
  /** The record's primary name (the opportunity's topic as saved). */
  readonly entityRecordName: string;
}

export function buildContext(parts: ContextParts): HostContext {
  const { config } = parts;
  const entity = { entityId: config.opportunityId, entityTypeName: "opportunity" };
  const mode = {
    isControlDisabled: config.options.disabled,
    allocatedWidth: parts.allocatedWidth,
    trackContainerResize: parts.trackContainerResize,
    contextInfo: guardContract({ ...entity, entityRecordName: parts.entityRecordName }, "context.mode.contextInfo"),
  };
  const context = {
    parameters: guardContract(parts.parameters, "context.parameters"),
    mode: guardContract(mode, "context.mode"),
    resources: guardContract({ getString: parts.getString }, "context.resources"),
    userSettings: guardContract(
      { languageId: config.options.languageId, userName: config.user.name },
      "context.userSettings",
    ),
    webAPI: parts.webAPI,
    page: guardContract(entity, "context.page"),
    updatedProperties: [...parts.updatedProperties],
  };
  // The context has only what the contract lists; the platform's other members (client, formatting, navigation...)
  // are deliberately absent, so the full ComponentFramework.Context type can only be claimed by a cast.
  return guardContract(context, "context") as unknown as HostContext;
}
