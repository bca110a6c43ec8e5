/**
 * The browser side of the host. Loaded after the platform libraries and before the control's bundle, it defines
 * ComponentFramework.registerControl for the bundle to call; the form's script web resources load after the bundle.
 * Once the page has loaded it reads the record, the column metadata and the strings, builds the form, runs the
 * control in it, gives the scripts their Xrm over the same record, runs the form's OnLoad and shows the command bar.
 * document.body.dataset.hostState says "ready" or "failed" when it is done, for tests and people alike.
 */
import { HOST_CONFIG_ELEMENT_ID, ONLOAD_DONE_MARK, type HostConfig } from "../shared/hostConfig";
import { BOUND_PROPERTIES, boundProperty, checkPropertyNames } from "./boundProperties";
import { loadColumnMetadata } from "./columnMetadata";
import { applyControlOutputs } from "./controlOutputs";
import { ControlRuntime, installControlRegistry, registeredControl } from "./controlRuntime";
import { valueColumn } from "./formFields";
import { createFormFrame } from "./formFrame";
import { FormRecord } from "./formRecord";
import { messageOf, reportError } from "./hostConsole";
import { hostStringsFor, localeOf, type HostStrings } from "./hostStrings";
import { buildParameters } from "./parameters";
import { buildContext } from "./pcfContext";
import { loadControlStrings, stringResolver } from "./resources";
import { registerSyncAuth } from "./syncAuth";
import { createWebApi } from "./webApi";
import { CommandBar } from "./xrm/commandBar";
import { Dialogs } from "./xrm/dialogs";
import { SAVE_MODE } from "./xrm/formSave";
import type { FormView } from "./xrm/formView";
import { loadWebResourceStrings } from "./xrm/resourceStrings";
import { ScriptFunctions } from "./xrm/scriptFunctions";
import { globalContextOf, installXrm } from "./xrm/xrmGlobal";
import { XrmForm } from "./xrm/xrmForm";

const CONTROL_NAME = "CoSellBridge.CoSellPanel";
const ALL_PROPERTIES = BOUND_PROPERTIES.map((property) => property.name);

installControlRegistry();
document.addEventListener("DOMContentLoaded", () => {
  const config = readConfig();
  const strings = hostStringsFor(config.options.languageId);
  openForm(config, strings).then(
    () => {
      document.body.dataset.hostState = "ready";
    },
    (error: unknown) => {
      showFailure(strings, error);
    },
  );
});

/** The names of the control's properties bound to these columns. */
function propertiesOf(columns: readonly string[]): string[] {
  return BOUND_PROPERTIES.filter((property) => columns.includes(property.column)).map((property) => property.name);
}

async function openForm(config: HostConfig, strings: HostStrings): Promise<void> {
  checkPropertyNames(config.options.masked, "masked");
  checkPropertyNames(config.options.readOnly, "readonly");
  if (config.options.signIn) registerSyncAuth();
  const controlClass = registeredControl(CONTROL_NAME);
  const record = new FormRecord(config.opportunityId);
  const [controlStrings, metadata, resourceStrings] = await Promise.all([
    loadControlStrings(config.options.languageId),
    loadColumnMetadata("opportunity", BOUND_PROPERTIES),
    loadWebResourceStrings(config.options.languageId),
    record.load(),
  ]);
  const getString = stringResolver(controlStrings);
  const root = document.getElementById("form-root");
  if (root === null) throw new Error("The page has no #form-root element.");
  const frame = createFormFrame(root, strings, getString("CoSellPanel_Display"), config.options);
  const webAPI = createWebApi();
  const savedName = () => String(record.savedValue({ column: "name", type: "SingleLine.Text" }) ?? "");
  const showState = () => {
    frame.showSaveState(record.isDirty ? "unsaved" : "clean");
  };
  const showRecord = () => {
    frame.setTitle(savedName());
    frame.showFields(record);
  };
  const notice = (detail: string) => {
    frame.notifications.set("host:script", "ERROR", `${strings.scriptFailed}: ${detail}`);
  };
  const scripts = new ScriptFunctions(notice);
  const globalContext = globalContextOf(config);
  installXrm(resourceStrings, new Dialogs(strings), globalContext);
  const view: FormView = {
    notifications: frame.notifications,
    showControlNotification: (column, text) => {
      frame.showControlNotification(column, text);
    },
    showChanges: (columns, renderControl) => {
      frame.showFields(record);
      showState();
      if (renderControl) runtime.render(propertiesOf(columns));
    },
    showRecord: () => {
      showRecord();
      runtime.render(ALL_PROPERTIES);
    },
    showSaveState: (state) => {
      frame.showSaveState(state);
    },
    refreshCommands: () => {
      commands.evaluate();
    },
  };
  const form = new XrmForm({
    record,
    options: config.options,
    strings,
    view,
    scripts,
    notice,
    globalContext,
  });
  const runtime = new ControlRuntime(controlClass, frame.controlContainer, {
    context: (updatedProperties, allocatedWidth, self) =>
      buildContext({
        config,
        parameters: buildParameters({
          record,
          metadata,
          options: config.options,
          locale: localeOf(config.options.languageId),
          syncEndpointUrl: config.syncEndpointUrl,
        }),
        getString,
        webAPI,
        allocatedWidth,
        updatedProperties,
        trackContainerResize: (track) => {
          self.trackContainerResize(track);
        },
        entityRecordName: savedName(),
      }),
    applyOutputs: (outputs) => {
      const changed = applyControlOutputs(outputs, record, config.options);
      // The platform fires OnChange of a bound column when the control's output changes it.
      form.changed(
        changed.flatMap((name) => boundProperty(name)?.column ?? []),
        true,
      );
      return changed;
    },
  });

  const commands = new CommandBar(frame.commandBar, form.formContext, scripts);
  frame.onFieldChange((column, value) => {
    if (column.type === "Lookup" || !record.set(valueColumn(column), value)) return;
    form.changed([column.column], false);
  });
  frame.onSave(() => {
    // A cancelled or failed save has already said why (the scripts' notifications, the host's save line).
    form.save(SAVE_MODE.save).catch(() => undefined);
  });
  frame.onRefresh(() => {
    frame.notifications.clear("host:refresh");
    form.refresh(false).catch((error: unknown) => {
      frame.notifications.set("host:refresh", "ERROR", `${strings.openFailed}: ${messageOf(error)}`);
    });
  });
  showRecord();
  runtime.start(ALL_PROPERTIES);
  form.runOnLoad();
  performance.mark(ONLOAD_DONE_MARK);
  commands.start();
  window.addEventListener("pagehide", () => {
    runtime.destroy();
  });
}

function readConfig(): HostConfig {
  const text = document.getElementById(HOST_CONFIG_ELEMENT_ID)?.textContent ?? null;
  if (text === null) throw new Error("The page has no host configuration.");
  return JSON.parse(text) as HostConfig;
}

function showFailure(strings: HostStrings, error: unknown): void {
  const root = document.getElementById("form-root") ?? document.body;
  const alert = document.createElement("div");
  alert.setAttribute("role", "alert");
  alert.className = "form-notification";
  alert.textContent = `${strings.openFailed}: ${messageOf(error)}`;
  root.replaceChildren(alert);
  document.body.dataset.hostState = "failed";
  reportError("The host could not run the control:", error);
}
