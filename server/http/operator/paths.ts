/** Where the operator page and its files are served. */
export const OPERATOR_PATH = "/operator";
export const OPERATOR_SCRIPT_PATH = "/operator/operator.js";
export const OPERATOR_STYLES_PATH = "/operator/operator.css";
export const OPERATOR_ICON_PATH = "/operator/icon.svg";
