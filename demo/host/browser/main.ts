/**
 * The browser side of the CoSellPanel host. Loaded after the platform libraries and before the control's bundle, it
 * defines ComponentFramework.registerControl for the bundle to call; once the page has loaded it reads the record,
 * the column metadata and the control's strings, builds the form and runs the control in it.
 * document.body.dataset.hostState says "ready" or "failed" when it is done, for tests and people alike.
 */
import { HOST_CONFIG_ELEMENT_ID, type HostConfig } from "../shared/hostConfig";
import { BOUND_PROPERTIES, checkPropertyNames } from "./boundProperties";
import { loadColumnMetadata } from "./columnMetadata";
import { applyControlOutputs } from "./controlOutputs";
import { ControlRuntime, installControlRegistry, registeredControl } from "./controlRuntime";
import { createFormFrame } from "./formFrame";
import { FormRecord } from "./formRecord";
import { reportError } from "./hostConsole";
import { hostStringsFor, localeOf, type HostStrings } from "./hostStrings";
import { buildParameters } from "./parameters";
import { buildContext } from "./pcfContext";
import { loadControlStrings, stringResolver } from "./resources";
import { registerSyncAuth } from "./syncAuth";
import { createWebApi } from "./webApi";

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

async function openForm(config: HostConfig, strings: HostStrings): Promise<void> {
  checkPropertyNames(config.options.masked, "masked");
  checkPropertyNames(config.options.readOnly, "readonly");
  if (config.options.signIn) registerSyncAuth();
  const controlClass = registeredControl(CONTROL_NAME);
  const record = new FormRecord(config.opportunityId);
  const [controlStrings, metadata] = await Promise.all([
    loadControlStrings(config.options.languageId),
    loadColumnMetadata("opportunity", BOUND_PROPERTIES),
    record.load(),
  ]);
  const getString = stringResolver(controlStrings);
  const root = document.getElementById("form-root");
  if (root === null) throw new Error("The page has no #form-root element.");
  const frame = createFormFrame(root, strings, getString("CoSellPanel_Display"), config.options);
  const webAPI = createWebApi();
  const topic = BOUND_PROPERTIES.find((property) => property.name === "topic");
  const savedName = () => (topic === undefined ? "" : String(record.savedValue(topic) ?? ""));
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
      frame.showSaveState(record.isDirty ? "unsaved" : "clean");
      return changed;
    },
  });
  const showRecord = () => {
    frame.setTitle(savedName());
    frame.showFields((property) => record.value(property));
  };
  frame.onFieldChange((property, value) => {
    if (!record.set(property, value)) return;
    frame.showSaveState(record.isDirty ? "unsaved" : "clean");
    runtime.render([property.name]);
  });
  /** Runs a save or a refresh, then shows the record as read back, or says what went wrong. */
  const rereadAfter = async (work: () => Promise<void>, failure: string, done: "saved" | "clean") => {
    frame.notify(null);
    if (done === "saved") frame.showSaveState("saving");
    try {
      await work();
    } catch (error) {
      frame.showSaveState(record.isDirty ? "unsaved" : "clean");
      frame.notify(`${failure}: ${messageOf(error)}`);
      return;
    }
    frame.showSaveState(done);
    showRecord();
    runtime.render(ALL_PROPERTIES);
  };
  frame.onSave(() => {
    void rereadAfter(() => record.save(), strings.saveFailed, "saved");
  });
  frame.onRefresh(() => {
    void rereadAfter(() => record.load(), strings.openFailed, "clean");
  });
  showRecord();
  runtime.start(ALL_PROPERTIES);
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

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
