/**
 * A registration the caller cannot act on (wrong contract or format, unreadable auth settings). Messages name the
 * endpoint or setting but never contain `authvalue` or any part of it.
 */
export class WebhookConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WebhookConfigurationError";
  }
}
