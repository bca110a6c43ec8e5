/**
 * The entry of csb_/scripts/grid.js, the web resource a view's checkmark column names as its image provider: only
 * the icon function and its tooltips, so a view never loads the form's script.
 */
import { publish } from "../namespace";
import { checkmarkIcon } from "./checkmarkIcon";

publish({ Grid: { checkmarkIcon } });

// Without an export esbuild takes this entry for a CommonJS module and wraps it in a lazy initializer.
export {};
