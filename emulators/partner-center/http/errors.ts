/**
 * Error bodies of the local Partner Center: the generic shape of shared/reference/partner-center.md §1.7,
 * `{ code, description, data: [], source }`, for everything the emulator refuses; the rules' own
 * PartnerCenterError keeps its status, code and data.
 */
import { HttpError, json, type ErrorRenderer, type Reply, type RouteHandler } from "../../http";
import { ODataQueryError } from "../../odata";
import { AdminInputError } from "../../shared/admin/adminInput";
import { errorSource, PartnerCenterError, SnapshotError, type PartnerCenterErrorBody } from "../state";

/** Renders an HttpError (401, 404, 405, injected 5xx…) in the generic Partner Center shape. */
export const renderPartnerCenterError: ErrorRenderer = (_status, code, message): PartnerCenterErrorBody => ({
  code,
  description: message,
  data: [],
  source: errorSource,
});

/**
 * The reply for the emulator's known refusals, or undefined for anything else (which the pipeline turns into a
 * 500). ODataQueryError normally arrives already wrapped by the state; it is mapped here in case it does not.
 */
export function knownErrorReply(error: unknown): Reply | undefined {
  if (error instanceof PartnerCenterError) return json(error.httpStatus, error.body);
  if (error instanceof ODataQueryError) {
    const data = [{ option: error.option, position: error.position, detail: error.detail }];
    return json(400, { code: "InvalidQuery", description: error.message, data, source: errorSource });
  }
  if (error instanceof SnapshotError || error instanceof AdminInputError) {
    return json(400, { code: "InvalidInput", description: error.message, data: [], source: errorSource });
  }
  return undefined;
}

/** Wraps a route so that known refusals become their Partner Center-shaped replies. */
export function withKnownErrors(handler: RouteHandler): RouteHandler {
  return async (request) => {
    try {
      return await handler(request);
    } catch (error) {
      if (error instanceof HttpError) throw error;
      const reply = knownErrorReply(error);
      if (reply === undefined) throw error;
      return reply;
    }
  };
}
