/**
 * The error DataverseAdminClient throws: the shared admin transport's refusal (status and parsed body), named for
 * Dataverse and reading the message from the Web API's error shape `{"error":{"code","message"}}`.
 */
import { EmulatorAdminError } from "../shared/admin/adminTransport";

/** A refusal from the admin API (or the emulator behind it); `body` is the parsed JSON, or the raw text. */
export class DataverseAdminError extends EmulatorAdminError {
  constructor(method: string, path: string, status: number, body: unknown) {
    super(method, path, status, body, messageOfDataverseError);
    this.name = "DataverseAdminError";
  }
}

function messageOfDataverseError(body: object): string | undefined {
  if (!("error" in body)) return undefined;
  const { error } = body as { error: { message?: unknown } };
  return String(error.message);
}
