/**
 * The global `Xrm` the web resources call, as far as they use it: Xrm.WebApi's reads through the host's Web API
 * proxy (the user's session, as in Dynamics), Xrm.Utility.getResourceString and getGlobalContext, and
 * Xrm.Navigation.openUrl (a new tab), openConfirmDialog and openAlertDialog (in-page modal dialogs, dialogs.ts).
 * Everything else is reported when read (xrmGuard.ts).
 */
import type { HostConfig, WebResourceStrings } from "../../shared/hostConfig";
import { reportError } from "../hostConsole";
import { createWebApiReads } from "../webApi";
import type { DialogTexts, Dialogs } from "./dialogs";
import { resourceStringLookup } from "./resourceStrings";
import { guardXrm } from "./xrmGuard";

/** Xrm.Utility.getGlobalContext(): who the user is and where the organization is. */
export function globalContextOf(config: HostConfig): object {
  const userId = `{${config.user.id.toUpperCase()}}`;
  const userSettings = guardXrm(
    { languageId: config.options.languageId, userId, userName: config.user.name },
    "Xrm.Utility.getGlobalContext().userSettings",
  );
  return guardXrm(
    {
      userSettings,
      getClientUrl: () => window.location.origin,
      getUserId: () => userId,
      getUserLcid: () => config.options.languageId,
      getUserName: () => config.user.name,
      getVersion: () => "9.2",
    },
    "Xrm.Utility.getGlobalContext()",
  );
}

function dialogTexts(value: unknown, method: string): DialogTexts | null {
  const texts = value as Partial<Record<keyof DialogTexts, unknown>> | null | undefined;
  if (typeof texts?.text !== "string") {
    reportError(`Xrm.Navigation.${method} needs { text: string }; got ${JSON.stringify(value)}.`);
    return null;
  }
  const optional = (field: unknown) => (typeof field === "string" ? field : undefined);
  return {
    text: texts.text,
    title: optional(texts.title),
    subtitle: optional(texts.subtitle),
    confirmButtonLabel: optional(texts.confirmButtonLabel),
    cancelButtonLabel: optional(texts.cancelButtonLabel),
  };
}

/** Sets window.Xrm; the scripts read it only when the form calls them, so before the form's OnLoad is enough. */
export function installXrm(strings: WebResourceStrings, dialogs: Dialogs, globalContext: object): void {
  const reads = createWebApiReads();
  const getResourceString = resourceStringLookup(strings);
  const xrm = guardXrm(
    {
      WebApi: guardXrm(
        {
          retrieveRecord: (table: string, id: string, options?: string) => reads.retrieveRecord(table, id, options),
          retrieveMultipleRecords: (table: string, options?: string, maxPageSize?: number) =>
            reads.retrieveMultipleRecords(table, options, maxPageSize),
        },
        "Xrm.WebApi",
      ),
      Utility: guardXrm({ getResourceString, getGlobalContext: () => globalContext }, "Xrm.Utility"),
      Navigation: guardXrm(
        {
          openUrl: (url: string) => {
            // A new tab, without giving the page a handle on this one.
            window.open(url, "_blank", "noopener,noreferrer");
          },
          openConfirmDialog: (texts: unknown) => {
            const checked = dialogTexts(texts, "openConfirmDialog");
            return checked === null
              ? Promise.reject(new TypeError("openConfirmDialog needs a text"))
              : dialogs.confirm(checked);
          },
          openAlertDialog: (texts: unknown) => {
            const checked = dialogTexts(texts, "openAlertDialog");
            return checked === null
              ? Promise.reject(new TypeError("openAlertDialog needs a text"))
              : dialogs.alert(checked);
          },
        },
        "Xrm.Navigation",
      ),
    },
    "Xrm",
  );
  (window as unknown as { Xrm: unknown }).Xrm = xrm;
}
