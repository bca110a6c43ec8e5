/**
 * The solution's commands on the form's command bar, from its definition (solution/definition/commandBar.ts), after
 * the form's own Save and Refresh in the order of their sequence. Each command shows only while its enable rule (a
 * CustomRule taking PrimaryControl) answers true, as the Unified Interface hides commands whose rules are false; a
 * rule may answer a promise. Rules are evaluated again after the form loads, saves and changes, and whenever a
 * script calls formContext.ui.refreshRibbon(). A click calls the action with the form context as PrimaryControl.
 */
import { commandBar, type CommandButton } from "../../../../solution/definition/commandBar";
import { HOST_ROUTES } from "../../shared/hostConfig";
import { reportError } from "../hostConsole";
import type { ScriptFunctions } from "./scriptFunctions";

interface Command {
  readonly definition: CommandButton;
  readonly button: HTMLButtonElement;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null | undefined)?.then === "function";
}

export class CommandBar {
  private readonly commands: Command[];
  private generation = 0;
  private started = false;

  constructor(
    toolbar: HTMLElement,
    private readonly primaryControl: object,
    private readonly scripts: ScriptFunctions,
  ) {
    this.commands = [...commandBar.buttons]
      .sort((left, right) => left.sequence - right.sequence)
      .map((definition) => ({ definition, button: this.buttonOf(definition) }));
    toolbar.append(...this.commands.map((command) => command.button));
  }

  /** Starts evaluating the rules (after the form's OnLoad, as the command bar appears with the loaded form). */
  start(): void {
    this.started = true;
    this.evaluate();
  }

  /** Evaluates every enable rule again; an answer that arrives after a newer evaluation started is dropped. */
  evaluate(): void {
    if (!this.started) return;
    this.generation += 1;
    const generation = this.generation;
    for (const command of this.commands) {
      const { enableRule } = command.definition;
      const answer = this.scripts.call(enableRule, this.primaryControl);
      const apply = (value: unknown) => {
        if (generation === this.generation) command.button.hidden = !this.enabled(command, value);
      };
      if (isThenable(answer)) {
        answer.then(apply, (error: unknown) => {
          this.scripts.fail(enableRule, error);
          apply(false);
        });
      } else {
        apply(answer);
      }
    }
  }

  private enabled(command: Command, value: unknown): boolean {
    if (typeof value === "boolean") return value;
    reportError(
      `The enable rule ${command.definition.enableRule.functionName} of "${command.definition.label}" answered ` +
        `${JSON.stringify(value)}; an enable rule must answer true or false. The command stays hidden.`,
    );
    return false;
  }

  private buttonOf(definition: CommandButton): HTMLButtonElement {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "command";
    button.title = definition.tooltip;
    button.hidden = true;
    button.dataset.command = definition.key;
    const icon = document.createElement("img");
    icon.src = `${HOST_ROUTES.webResources}${definition.icon}`;
    icon.alt = "";
    icon.className = "command-icon";
    button.append(icon, definition.label);
    button.addEventListener("click", () => {
      void this.run(definition, button);
    });
    return button;
  }

  private async run(definition: CommandButton, button: HTMLButtonElement): Promise<void> {
    // A second click while the action runs is ignored. The button stays enabled (aria-busy says it is working), so
    // that a dialog the action opens can give the focus back to it.
    if (button.getAttribute("aria-busy") === "true") return;
    button.setAttribute("aria-busy", "true");
    try {
      const result = this.scripts.call(definition.action, this.primaryControl);
      if (isThenable(result)) await result;
    } catch (error) {
      this.scripts.fail(definition.action, error);
    } finally {
      button.removeAttribute("aria-busy");
      this.evaluate();
    }
  }
}
