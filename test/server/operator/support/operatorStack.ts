/**
 * The operator page's world: the e2e loop (both emulators, the real service, a seller) with one more app registration
 * in the Dataverse emulator, which issues the service's bearer tokens: an operator app holding the admin app role. The
 * service logs everything (trace) into `logLines`, so tests can prove no token reaches a log line.
 */
import type { RegisteredClient } from "../../../../emulators/auth";
import { DEFAULT_INTEGRATION_CLIENT, DEFAULT_SELLER_CLIENT } from "../../../../emulators/dataverse";
import type { StackStorage } from "../../../support/bridgeStack";
import { startE2eStack, type E2eStack } from "../../e2e/support/stack";

/** FORM_API_ADMIN_ROLE's default, which the stack does not change. */
export const ADMIN_ROLE = "CoSellBridge.Admin";

const OPERATOR_CLIENT: RegisteredClient = {
  clientId: "0e4a70a0-0000-4000-8000-00000000ad01",
  clientSecret: "operator-app-secret-for-the-operator-tests-0123",
  kind: "application",
  roles: [ADMIN_ROLE],
};

export interface OperatorStack extends E2eStack {
  /** Every line the service logged. */
  readonly logLines: string[];
  /** A token with the admin role, as the demo site puts in /operator#access_token=…. */
  readonly adminToken: string;
  /** A valid token for the service's audience without the admin role (the integration app's). */
  readonly tokenWithoutRole: string;
  /** The service's base URL. */
  readonly url: string;
}

export async function startOperatorStack(storage: StackStorage, name: string): Promise<OperatorStack> {
  const logLines: string[] = [];
  const stack = await startE2eStack(storage, name, {
    dataverse: { clients: [DEFAULT_INTEGRATION_CLIENT, DEFAULT_SELLER_CLIENT, OPERATOR_CLIENT] },
    service: { logging: { level: "trace", stream: { write: (line) => logLines.push(line) } } },
  });
  try {
    const adminToken = await stack.dataverse.admin.getToken({ clientId: OPERATOR_CLIENT.clientId });
    const tokenWithoutRole = await stack.dataverse.admin.getToken();
    const url = stack.service.url;
    if (url === null) throw new Error("the stack's service is not listening");
    return Object.assign(stack, { logLines, adminToken, tokenWithoutRole, url });
  } catch (error) {
    await stack.stop();
    throw error;
  }
}

/** An answer of the admin API. */
export interface AdminAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Record<string, unknown>;
}

/** Calls the admin API of `stack` with `token` (none when null). */
export async function adminCall(
  stack: OperatorStack,
  method: "GET" | "POST",
  path: string,
  token: string | null = stack.adminToken,
): Promise<AdminAnswer> {
  const response = await fetch(`${stack.url}/admin${path}`, {
    method,
    headers: token === null ? {} : { authorization: `Bearer ${token}` },
  });
  const body = (await response.json()) as Record<string, unknown>;
  return { status: response.status, headers: response.headers, body };
}

/** Lines of the service's log that hold `secret`. */
export function linesHolding(stack: OperatorStack, secret: string): string[] {
  return stack.logLines.filter((line) => line.includes(secret));
}
