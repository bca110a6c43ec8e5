/**
 * True when the batch's `Prefer` header asks to keep going after a failed request: `odata.continue-on-error`
 * (OData 4.0, what dynamics-web-api sends) or `continue-on-error` (OData 4.01), unless its value is `false`.
 */
export function prefersContinueOnError(prefer: string | undefined): boolean {
  if (prefer === undefined) return false;
  return prefer.split(",").some((preference) => {
    const [name = "", value = "true"] = (preference.split(";")[0] ?? "").split("=").map((word) => word.trim());
    const lowerName = name.toLowerCase();
    const wanted = lowerName === "odata.continue-on-error" || lowerName === "continue-on-error";
    return wanted && value.replace(/"/g, "").toLowerCase() !== "false";
  });
}
