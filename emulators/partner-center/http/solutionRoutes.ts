/**
 * The partner's co-sell solutions catalogue (the SOL-… ids of shared/reference/partner-center.md §1.5), which the
 * sync service reads to fill its solutions table. Partner Center's real API for this is not documented anywhere the
 * reference found, so this is an emulator-specific path beside the referrals: GET /v1.0/engagements/solutions
 * answers `{ value: [...] }`, authenticated like the Referrals API (same audience, App+User).
 */
import { json, type Router } from "../../http";
import { errorSource, type EmulatorState } from "../state";
import { withKnownErrors } from "./errors";

/** The emulator's (undocumented in production) catalogue path. */
export const SOLUTIONS_PATH = "/v1.0/engagements/solutions";

/** Adds GET /v1.0/engagements/solutions and GET /v1.0/engagements/solutions/:id. */
export function registerSolutionRoutes(router: Router, state: () => EmulatorState): Router {
  return router
    .add(
      "GET",
      SOLUTIONS_PATH,
      withKnownErrors(() => json(200, { value: state().listSolutions() })),
    )
    .add(
      "GET",
      `${SOLUTIONS_PATH}/:id`,
      withKnownErrors((request) => {
        const id = request.params.id ?? "";
        const solution = state().solutions.find(id);
        if (solution !== undefined) return json(200, solution);
        return json(404, {
          code: "NotFound",
          description: `The partner's co-sell catalogue has no solution '${id}'.`,
          data: [{ id }],
          source: errorSource,
        });
      }),
    );
}
