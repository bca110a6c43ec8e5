/**
 * The error PartnerCenterAdminClient throws: the shared admin transport's refusal (status and parsed body), named for
 * Partner Center and reading the message from its generic error shape `{ code, description, data, source }`.
 */
import { EmulatorAdminError } from "../shared/admin/adminTransport";

/**
 * A refusal from the admin API (or the emulator behind it); `body` is the parsed JSON (usually
 * `{ code, description, data, source }`), or the raw text when it is not JSON.
 */
export class PartnerCenterAdminError extends EmulatorAdminError {
  constructor(method: string, path: string, status: number, body: unknown) {
    super(method, path, status, body, messageOfPartnerCenterError);
    this.name = "PartnerCenterAdminError";
  }
}

function messageOfPartnerCenterError(body: object): string | undefined {
  return "description" in body ? String(body.description) : undefined;
}
