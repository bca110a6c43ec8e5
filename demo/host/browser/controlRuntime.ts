/**
 * Runs a virtual (React) PCF control as the form does: init once, updateView → a React element the form renders with
 * ReactDOM, getOutputs after notifyOutputChanged (outputs applied to the record, then updateView again), updateView
 * with "layout" when a tracked container changes width, destroy when the page goes away.
 */
import type { ControlClass } from "./pageGlobals";
import type { HostContext } from "./pcfContext";

/** What the form does around the control. */
export interface ControlHost {
  /** A fresh context; `allocatedWidth` is -1 while the container is not tracked. */
  context(updatedProperties: readonly string[], allocatedWidth: number, runtime: ControlRuntime): HostContext;
  /** Applies outputs to the record; returns the names of the properties whose values changed. */
  applyOutputs(outputs: Readonly<Record<string, unknown>>): string[];
}

const registered = new Map<string, ControlClass>();

/** What a pcf-scripts bundle looks for: `if (window.ComponentFramework && window.ComponentFramework.registerControl)`. */
interface RegistryWindow {
  ComponentFramework?: { registerControl(name: string, control: ControlClass): void };
}

/** Defines ComponentFramework.registerControl, which a pcf-scripts bundle calls when it loads. */
export function installControlRegistry(): void {
  (window as unknown as RegistryWindow).ComponentFramework = {
    registerControl(name, control) {
      registered.set(name, control);
    },
  };
}

/** @throws Error when the bundle did not register `name`. */
export function registeredControl(name: string): ControlClass {
  const control = registered.get(name);
  if (control !== undefined) return control;
  const found = [...registered.keys()].join(", ") || "nothing";
  throw new Error(`The control bundle did not register ${name} (it registered ${found}). Run \`npm run build\`.`);
}

export class ControlRuntime {
  private readonly control: InstanceType<ControlClass>;
  private observer: ResizeObserver | undefined;
  private width = -1;

  constructor(
    controlClass: ControlClass,
    private readonly container: HTMLElement,
    private readonly host: ControlHost,
  ) {
    this.control = new controlClass();
  }

  start(allProperties: readonly string[]): void {
    this.control.init(
      this.host.context([], -1, this),
      () => {
        this.notifyOutputChanged();
      },
      {},
    );
    this.render(allProperties);
  }

  /** Calls updateView with the properties that changed and renders what it returns. */
  render(updatedProperties: readonly string[]): void {
    const element = this.control.updateView(this.host.context(updatedProperties, this.width, this));
    window.ReactDOM.render(element, this.container);
  }

  trackContainerResize(track: boolean): void {
    if (!track) {
      this.observer?.disconnect();
      this.observer = undefined;
      this.width = -1;
      return;
    }
    if (this.observer !== undefined) return;
    this.width = this.container.clientWidth;
    this.observer = new ResizeObserver(() => {
      const width = this.container.clientWidth;
      if (width === this.width) return;
      this.width = width;
      this.render(["layout"]);
    });
    this.observer.observe(this.container);
  }

  destroy(): void {
    this.observer?.disconnect();
    this.control.destroy();
    window.ReactDOM.unmountComponentAtNode(this.container);
  }

  private notifyOutputChanged(): void {
    // The platform reads outputs asynchronously, after the control's event handler has returned.
    void Promise.resolve().then(() => {
      const outputs = this.control.getOutputs?.() ?? {};
      this.render(this.host.applyOutputs(outputs));
    });
  }
}
