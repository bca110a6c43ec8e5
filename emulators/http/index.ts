// The HTTP toolkit the Partner Center and Dataverse emulators are built on: server, router, pipeline, faults, log.
export { DEFAULT_MAX_BODY_BYTES } from "./body";
export {
  type ErrorRenderer,
  type Logger,
  type RateLimitRenderer,
  renderODataError,
  renderPartnerCenterRateLimit,
} from "./error-rendering";
export { FaultInjector, type FaultDecision, type FaultInjectorOptions, type FaultOutcome } from "./fault-injector";
export type { ActiveFaultRule, Fault, FaultMatch, FaultRule } from "./fault-rules";
export { codeForStatus, HttpError, type HeaderMap } from "./http-error";
export { createPipeline, type PipelineOptions, type RequestListener } from "./pipeline";
export { parseQuery, parseQueryPairs, type QueryPair } from "./query";
export { seededRandom, type RandomSource } from "./random";
export { json, noContent, text, type Reply, type ReplyBody } from "./reply";
export { isJsonMediaType, requireJsonBody, type RequestContext } from "./request-context";
export { RequestLog, type RequestLogEntry, type RequestLogOptions } from "./request-log";
export { Router, type RouteHandler, type RouteMatch } from "./router";
export { startServer, type RunningServer, type ServerOptions } from "./server";
