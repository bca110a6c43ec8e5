/**
 * The Opportunity form's calls to the service (/api/v1), over real HTTP with the seller's Dataverse token, which the
 * stack's FORM_API_* settings accept, as the Co-sell panel would send them.
 */
import type { E2eStack } from "./stack";

export interface FormAnswer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

export async function formCall(
  stack: E2eStack,
  method: "GET" | "POST",
  path: string,
  body?: unknown,
): Promise<FormAnswer> {
  if (stack.service.url === null) throw new Error("the stack's service is not listening");
  const response = await fetch(`${stack.service.url}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${stack.seller.bearer}`,
      accept: "application/json",
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === "" ? {} : (JSON.parse(text) as Record<string, unknown>) };
}
