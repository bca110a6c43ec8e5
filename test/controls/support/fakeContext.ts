/**
 * A PCF context with only the members of the host contract (cosellpanel-contract.md), the way a form fills them:
 * parameters with raw values, security and option metadata; mode; resources; user settings; webAPI.
 */
import type { IInputs } from "../../../controls/CoSellPanel/generated/ManifestTypes";
import { getStringOf } from "./strings";
import { helpOptions } from "./builders";

type PropertyName = keyof IInputs;

export interface FakeFormOptions {
  readonly values?: Partial<Record<PropertyName, unknown>>;
  readonly security?: Partial<Record<PropertyName, { readable: boolean; editable: boolean }>>;
  readonly disabled?: boolean;
  readonly width?: number;
  readonly languageId?: 1033 | 1049;
  /** The record id as the form gives it (with braces, upper case, empty for a new record). */
  readonly entityId?: string;
  /** Where the id is found: mode.contextInfo (model-driven apps) or page (the host contract's other place). */
  readonly idIn?: "contextInfo" | "page";
  readonly webAPI?: Partial<ComponentFramework.WebApi>;
}

const propertyNames: readonly PropertyName[] = [
  "syncWithPartnerCenter",
  "microsoftHelp",
  "shareWithMicrosoft",
  "products",
  "referralId",
  "referralLink",
  "microsoftCrmId",
  "audit",
  "syncStatus",
  "lastSyncedOn",
  "topic",
  "dealValue",
  "estimatedCloseDate",
  "syncEndpointUrl",
];

export function fakeContext(options: FakeFormOptions = {}): ComponentFramework.Context<IInputs> {
  const parameters: Record<string, unknown> = {};
  for (const name of propertyNames) {
    const raw =
      options.values?.[name] ?? (name === "syncWithPartnerCenter" || name === "shareWithMicrosoft" ? false : null);
    parameters[name] = {
      raw,
      formatted: typeof raw === "string" || typeof raw === "number" ? String(raw) : "",
      error: false,
      errorMessage: "",
      type: "",
      security: { readable: true, editable: true, secured: false, ...options.security?.[name] },
      ...(name === "microsoftHelp"
        ? {
            attributes: {
              DisplayName: "How can Microsoft help?",
              Options: helpOptions.map((option) => ({ Label: option.label, Value: option.value, Color: "" })),
            },
          }
        : {}),
    };
  }
  const recordInfo = {
    entityId: options.entityId ?? "{7D3F1C2E-5B7A-4E0F-9C1D-2A6B8E4F0A11}",
    entityTypeName: "opportunity",
  };
  const idIn = options.idIn ?? "contextInfo";
  const context = {
    parameters,
    mode: {
      isControlDisabled: options.disabled ?? false,
      allocatedWidth: options.width ?? 900,
      allocatedHeight: -1,
      trackContainerResize: () => undefined,
      ...(idIn === "contextInfo" ? { contextInfo: { ...recordInfo, entityRecordName: "Contoso" } } : {}),
    },
    ...(idIn === "page" ? { page: recordInfo } : {}),
    resources: { getString: getStringOf(options.languageId ?? 1033) },
    userSettings: { languageId: options.languageId ?? 1033, userName: "Avery Howard" },
    webAPI: options.webAPI ?? {},
  };
  return context as unknown as ComponentFramework.Context<IInputs>;
}
