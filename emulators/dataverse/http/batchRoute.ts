/**
 * `POST /api/data/v9.2/$batch` (dataverse.md §4.3): the batch module reads the multipart body (up to 1000 requests,
 * change sets, `Content-ID` references) and runs it through the same dispatcher as lone requests; each change set
 * is staged and committed all or nothing by the write coordinator. The answer is 200 with a multipart body. Inner
 * requests act as the batch's caller, or as the user their own impersonation headers name.
 */
import { HttpError, type Reply, type RequestContext, type Router } from "../../http";
import { buildBatchResponse, executeBatch, parseBatchRequest, prefersContinueOnError } from "../batch";
import type { BatchHandlers, InnerRequest, InnerResponse } from "../batch";
import { WEB_API_PATH } from "../defaults";
import type { WriteExecutor } from "../writeCoordinator";
import { isWebApiPath } from "./authentication";
import { ChangeSetReferences } from "./batchReferences";
import { httpErrorOf } from "./errors";
import { dispatch, type WebApiDependencies } from "./webApiRoutes";
import { responseHeaders, responseText, scopeOf, webApiRequest } from "./webApiRequest";

/** Headers of the batch request that carry over to its inner requests (who acts), unless they set their own. */
const INHERITED_HEADERS = ["mscrmcallerid", "callerobjectid", "user-agent"];

/** Adds the $batch route. */
export function registerBatchRoute(router: Router, deps: WebApiDependencies): void {
  router.add("POST", `${WEB_API_PATH}/$batch`, (context) => runBatch(context, deps));
}

async function runBatch(context: RequestContext, deps: WebApiDependencies): Promise<Reply> {
  const claims = deps.authentication.claimsOf(context);
  const batch = parseBatchRequest(context.headers["content-type"] ?? "", await context.rawBody());
  const inherited = Object.fromEntries(
    INHERITED_HEADERS.flatMap((name) => {
      const value = context.headers[name];
      return value === undefined ? [] : [[name, value]];
    }),
  );
  const userAgent = context.headers["user-agent"];
  const extra = { requestId: deps.ids(), ...(userAgent === undefined ? {} : { userAgent }) };
  // One correlation id for the whole batch: its changes belong to one request of the caller.
  const batchScope = scopeOf(deps.authentication.identify(claims, inherited), deps.ids(), extra);
  let stage: WriteExecutor | undefined;
  let references: ChangeSetReferences | undefined;

  const execute = async (inner: InnerRequest, inChangeSet: boolean): Promise<InnerResponse> => {
    const headers = { ...inherited, ...inner.headers };
    const identity = deps.authentication.identify(claims, headers);
    const scope = scopeOf(identity, batchScope.correlationId, extra);
    const [rawPath, rawQuery] = splitTarget(inner.target);
    const body = inChangeSet && references !== undefined ? references.resolve(inner.body) : inner.body;
    if (!isWebApiPath(rawPath))
      throw new HttpError(404, "0x8006088a", `No resource matches ${inner.method} ${rawPath}.`);
    const writes: WriteExecutor =
      inChangeSet && stage !== undefined ? stage : (plan) => deps.coordinator.write(plan, scope);
    const request = webApiRequest(
      { method: inner.method, rawPath, rawQuery, headers, bodyText: () => Promise.resolve(body) },
      { baseUrl: context.url.origin, identity, scope, writes, organization: deps.organization },
    );
    const response = await dispatch(request, deps);
    const answer = {
      status: response.status,
      headers: responseHeaders(response),
      body: responseText(response),
    };
    if (inChangeSet) references?.remember(inner.contentId, answer);
    return answer;
  };
  const handlers: BatchHandlers = {
    execute: async (inner, where) => {
      try {
        return await execute(inner, where.inChangeSet);
      } catch (error) {
        throw httpErrorOf(error) ?? error;
      }
    },
    transaction: async (work) => {
      try {
        return await deps.coordinator.changeSet((staged) => {
          stage = staged;
          references = new ChangeSetReferences();
          return work();
        }, batchScope);
      } catch (error) {
        throw httpErrorOf(error) ?? error;
      } finally {
        stage = undefined;
        references = undefined;
      }
    },
  };
  const responses = await executeBatch(batch, handlers, {
    continueOnError: prefersContinueOnError(context.headers.prefer),
  });
  const built = buildBatchResponse(responses);
  return {
    status: 200,
    headers: { "Content-Type": built.contentType, "OData-Version": "4.0", "x-ms-service-request-id": extra.requestId },
    body: built.body,
  };
}

function splitTarget(target: string): [string, string] {
  const index = target.indexOf("?");
  return index === -1 ? [target, ""] : [target.slice(0, index), target.slice(index + 1)];
}
