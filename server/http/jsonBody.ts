/** Request bodies of the form and admin APIs: small JSON objects, or nothing at all. */
import type { FastifyInstance } from "fastify";
import { HttpProblem } from "./problem";

/** The form and admin calls send tiny JSON bodies; anything bigger is not one of them. */
export const API_BODY_LIMIT_BYTES = 16 * 1024;

/**
 * JSON bodies, where an empty body counts as none: a browser `fetch` with a JSON content type and no body must not
 * fail a POST that needs no body.
 */
export function acceptJsonOrNothing(scope: FastifyInstance): void {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser(
    "application/json",
    { parseAs: "string", bodyLimit: API_BODY_LIMIT_BYTES },
    (_request, body, done) => {
      const text = typeof body === "string" ? body : body.toString("utf8");
      if (text.trim() === "") {
        done(null, undefined);
        return;
      }
      try {
        done(null, JSON.parse(text));
      } catch {
        done(new HttpProblem(400, "invalid_body", "the body is not valid JSON", "Send a JSON object, or no body."));
      }
    },
  );
}
