/**
 * The web resources' functions as the form calls them: found by their dotted global name
 * (`CoSellBridge.Opportunity.onLoad`) once the libraries have loaded, called with the execution context or the
 * PrimaryControl, and their exceptions caught. Dynamics shows a script error and goes on with the next handler;
 * here the error goes to the console (the browser tests fail on it) and to the form's notification bar.
 */
import type { ScriptFunction } from "../../../../solution/definition/model";
import { reportError } from "../hostConsole";

type Callable = (...args: unknown[]) => unknown;

/** Tells the seller a script failed (the form's notification bar). */
export type ScriptFailureNotice = (detail: string) => void;

function lookUp(functionName: string): unknown {
  let value: unknown = window;
  for (const part of functionName.split(".")) {
    if ((typeof value !== "object" && typeof value !== "function") || value === null) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

export class ScriptFunctions {
  private readonly missing = new Set<string>();

  constructor(private readonly notice: ScriptFailureNotice) {}

  /** The function, or null (reported once) when its library did not define it. */
  resolve(script: ScriptFunction): Callable | null {
    const found = lookUp(script.functionName);
    if (typeof found === "function") return found as Callable;
    if (!this.missing.has(script.functionName)) {
      this.missing.add(script.functionName);
      this.fail(
        script,
        `${script.library} defines no function ${script.functionName}: rebuild the web resources (npm run build)`,
      );
    }
    return null;
  }

  /** Calls it; an exception is reported and gives undefined, as Dynamics goes on after a script error. */
  call(script: ScriptFunction, ...args: unknown[]): unknown {
    const callable = this.resolve(script);
    if (callable === null) return undefined;
    try {
      return callable(...args);
    } catch (error) {
      this.fail(script, error);
      return undefined;
    }
  }

  /** Reports a failure of `script` (a throw, or a rejected promise it returned). */
  fail(script: ScriptFunction, error: unknown): void {
    const detail = error instanceof Error ? error.message : String(error);
    reportError(
      `${script.functionName} (${script.library}) failed: ${detail}`,
      error instanceof Error ? error : undefined,
    );
    this.notice(`${script.functionName}: ${detail}`);
  }
}

/** Calls a handler the scripts added themselves (addOnChange, addOnSave...), reporting what it throws. */
export function callAdded(handler: Callable, notice: ScriptFailureNotice, ...args: unknown[]): void {
  try {
    handler(...args);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    reportError(`A handler added by a form script failed: ${detail}`, error instanceof Error ? error : undefined);
    notice(detail);
  }
}
