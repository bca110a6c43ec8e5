/**
 * What the form, command-bar and view handlers share: the runtime, the settings, the user's language, the sync
 * service client, the form session and the status poller. One Bridge per page; tests make their own.
 */
import { resolveTokenProvider, type TokenProvider } from "./auth/tokenProvider";
import { settingsCache, type FormSettings } from "./dataverse/settings";
import { languageOf, resourceStrings, type Language } from "./i18n/strings";
import { NOTICE, notify } from "./opportunity/notices";
import { FormSession, FormSessions } from "./opportunity/session";
import { showStatus } from "./opportunity/statusNotice";
import { StatusPoller } from "./opportunity/statusPoller";
import type { Runtime } from "./runtime";
import { describeError } from "./service/describeError";
import { SyncServiceError } from "./service/serviceError";
import { syncServiceClient } from "./service/syncServiceClient";
import type { SyncService } from "./service/types";

export class Bridge {
  readonly sessions: FormSessions;
  /** The settings as last read, for handlers that must decide synchronously (OnSave, enable rules). */
  lastSettings: FormSettings | null = null;
  private readonly readSettings: () => Promise<FormSettings>;
  private readonly pending = new Set<Promise<unknown>>();

  constructor(
    readonly runtime: Runtime,
    revalidate: Xrm.Events.ContextSensitiveHandler,
  ) {
    this.readSettings = settingsCache(runtime.dataverse, () => runtime.clock.now());
    const watched = new WeakSet<Xrm.Attributes.Attribute>();
    this.sessions = new FormSessions((recordId) => new FormSession(recordId, runtime.dataverse, revalidate, watched));
  }

  async settings(): Promise<FormSettings> {
    const settings = await this.readSettings();
    this.lastSettings = settings;
    return settings;
  }

  language(): Language {
    return languageOf(resourceStrings(this.runtime.resourceString));
  }

  describe(error: unknown): string {
    return describeError(error, this.language(), this.runtime.clock.now());
  }

  /** Why something failed, short enough to sit inside another sentence. */
  reason(error: unknown): string {
    if (error instanceof SyncServiceError) return this.describe(error);
    return error instanceof Error ? error.message : String(error);
  }

  /** Finds the page's sign-in now and shares it with the top window, where the Co-sell panel looks for it. */
  shareSignIn(settings: FormSettings): void {
    resolveTokenProvider(this.runtime.host(), settings.serviceScope);
  }

  /** The page's token provider, resolved at each call (the page may register one after the scripts load). */
  tokens(settings: FormSettings): TokenProvider {
    return { getAccessToken: () => resolveTokenProvider(this.runtime.host(), settings.serviceScope).getAccessToken() };
  }

  /** The service client. @throws SyncServiceError notConfigured when csb_SyncEndpointUrl is empty or invalid. */
  service(settings: FormSettings): SyncService {
    if (settings.endpointUrl === null) {
      const endpoint = settings.endpointProblem ?? "empty";
      throw new SyncServiceError("notConfigured", `csb_SyncEndpointUrl is ${endpoint}`, { endpoint });
    }
    return syncServiceClient({
      baseUrl: settings.endpointUrl,
      tokens: this.tokens(settings),
      fetch: this.runtime.fetch,
      now: () => this.runtime.clock.now(),
      ...(this.runtime.serviceTimeoutMs === undefined ? {} : { timeoutMs: this.runtime.serviceTimeoutMs }),
    });
  }

  /**
   * Polls the status of the session's record until it settles and shows each answer. `since`: when the change
   * being waited for happened (0 for "whatever is pending now").
   */
  watchStatus(form: Xrm.FormContext, session: FormSession, settings: FormSettings, since: number): void {
    const recordId = session.recordId;
    if (recordId === null || settings.endpointUrl === null) return;
    const client = this.service(settings);
    session.poller ??= new StatusPoller(
      {
        fetchStatus: () => client.status(recordId),
        isCurrent: () => session.serves(form),
        onStatus: (status) => {
          session.lastStatus = status;
          showStatus(form, status, settings, this.language());
          reevaluateCommandBar(form);
        },
        onError: (error) => {
          notify(form, NOTICE.status, "WARNING", this.describe(error));
        },
        onGiveUp: () => {
          notify(form, NOTICE.status, "WARNING", this.language().say("statusStillPending"));
        },
      },
      this.runtime.clock,
    );
    session.poller.start(since);
  }

  /** Runs `work` in the background; handlers the platform does not await use it, and tests wait with idle(). */
  track(work: Promise<unknown>): void {
    const settled = work.then(
      () => undefined,
      () => undefined,
    );
    this.pending.add(settled);
    void settled.then(() => this.pending.delete(settled));
  }

  /** Resolves when every tracked piece of work has finished. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }
}

/** Enable rules depend on the status; the command bar re-evaluates them only when asked. */
export function reevaluateCommandBar(form: Xrm.FormContext): void {
  try {
    form.ui.refreshRibbon();
  } catch {
    // Hosts without a command bar (the local demo, some dialogs) have nothing to refresh.
  }
}
