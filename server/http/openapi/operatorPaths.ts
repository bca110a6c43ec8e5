/**
 * The operator page in the OpenAPI document: the page and its files (public; they hold no data), and the schemas of
 * the two admin answers it reads, GET /admin/syncs/recent and GET /admin/overview (their paths are in apiPaths.ts).
 */
import { SYNC_OUTCOMES } from "../operations/adminViews";
import { OPERATOR_ICON_PATH, OPERATOR_PATH, OPERATOR_SCRIPT_PATH, OPERATOR_STYLES_PATH } from "../operator/paths";
import type { OpenApiObject } from "./building";
import { isoDate, nullableString, object, type Schema } from "./schemas";

const nullableDate = { type: ["string", "null"], format: "date-time" } as const;
const nullableInteger = { type: ["integer", "null"] } as const;
const direction = { enum: ["toPartnerCenter", "toDataverse"] } as const;
const counts = (names: readonly string[]): Schema =>
  object(Object.fromEntries(names.map((name) => [name, { type: "integer", minimum: 0 }])));

export const operatorSchemas: Readonly<Record<string, Schema>> = {
  RecentSyncs: object({
    syncs: {
      type: "array",
      description: "Newest first.",
      items: object({
        direction,
        outcome: { enum: SYNC_OUTCOMES },
        opportunityId: nullableString,
        referralId: nullableString,
        summary: { type: "string" },
        changedAt: { ...nullableDate, description: "When the change that caused the sync was made, if known." },
        finishedAt: isoDate,
        latencyMs: { ...nullableInteger, description: "finishedAt − changedAt; null when changedAt is unknown." },
        partnerCenterCalls: { type: "integer" },
        dataverseCalls: { type: "integer" },
      }),
    },
  }),
  OperationsOverview: object({
    generatedAt: isoDate,
    startedAt: { ...isoDate, description: "When this replica started." },
    queue: { $ref: "#/components/schemas/QueueDepth" },
    recent: object({
      window: { type: "integer", description: "The most syncs summarized: the newest ones." },
      count: { type: "integer" },
      oldestAt: nullableDate,
      newestAt: nullableDate,
      outcomes: counts(SYNC_OUTCOMES),
      directions: counts(direction.enum),
      latencyMs: object({
        count: { type: "integer", description: "Syncs whose change time is known." },
        p50: nullableInteger,
        p95: nullableInteger,
        max: nullableInteger,
      }),
    }),
  }),
};

function file(operationId: string, summary: string, mediaType: string): OpenApiObject {
  return {
    get: {
      operationId,
      tags: ["operator"],
      summary,
      security: [],
      responses: {
        "200": {
          description: "Served with a Content-Security-Policy that allows only this origin.",
          content: { [mediaType]: { schema: { type: "string" } } },
        },
      },
    },
  };
}

export const operatorPagePaths: Readonly<Record<string, OpenApiObject>> = {
  [OPERATOR_PATH]: file(
    "getOperatorPage",
    "The operator page: queue, recent syncs, failures with Retry, latency chart. Holds no data; it reads the admin " +
      "API with the admin token given in the fragment (#access_token=…) or pasted into its sign-in box.",
    "text/html",
  ),
  [OPERATOR_SCRIPT_PATH]: file("getOperatorScript", "The operator page's script.", "text/javascript"),
  [OPERATOR_STYLES_PATH]: file("getOperatorStyles", "The operator page's styles.", "text/css"),
  [OPERATOR_ICON_PATH]: file("getOperatorIcon", "The operator page's icon.", "image/svg+xml"),
};
