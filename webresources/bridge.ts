/**
 * What the form and command-bar handlers share: the runtime, the settings, the user's language, the sync service
 * client, the form session and the status poller. One Bridge per page; tests make their own.
 */
import { messageOf } from "./errorMessage";
import { resolveTokenProvider, type TokenProvider } from "./auth/tokenProvider";
import { settingsCache, type FormSettings } from "./dataverse/settings";
import { languageOf, resourceStrings, type Language } from "./i18n/strings";
import { NOTICE, notify, LEVEL } from "./opportunity/notices";
import { formSession, formSessions, type FormSession, type FormSessions } from "./opportunity/session";
import { showStatus } from "./opportunity/statusNotice";
import { statusPoller } from "./opportunity/statusPoller";
import type { Runtime } from "./runtime";
import { describeError } from "./service/describeError";
import { SyncServiceError } from "./service/serviceError";
import { syncServiceClient } from "./service/syncServiceClient";
import type { SyncService } from "./service/types";

/**
 * Function-valued properties rather than methods: the handlers take them apart once (`const { describe } = bridge`).
 */
export interface Bridge {
  readonly runtime: Runtime;
  readonly sessions: FormSessions;
  /** The settings as last read, for handlers that must decide synchronously (OnSave, enable rules). */
  readonly knownSettings: () => FormSettings | null;
  readonly settings: () => Promise<FormSettings>;
  readonly language: () => Language;
  readonly describe: (error: unknown) => string;
  /** Why something failed, short enough to sit inside another sentence. */
  readonly reason: (error: unknown) => string;
  /** Finds the page's sign-in now and shares it with the top window, where the Co-sell panel looks for it. */
  readonly shareSignIn: (settings: FormSettings) => void;
  /** The service client. @throws SyncServiceError notConfigured when csb_SyncEndpointUrl is empty or invalid. */
  readonly service: (settings: FormSettings) => SyncService;
  /**
   * Polls the status of the session's record until it settles and shows each answer. `since`: when the change
   * being waited for happened (0 for "whatever is pending now").
   */
  readonly watchStatus: (form: Xrm.FormContext, session: FormSession, settings: FormSettings, since: number) => void;
  /** Runs `work` in the background; handlers the platform does not await use it, and tests wait with idle(). */
  readonly track: (work: Promise<unknown>) => void;
  /** Resolves when every tracked piece of work has finished. */
  readonly idle: () => Promise<void>;
}

export function createBridge(runtime: Runtime, revalidate: Xrm.Events.ContextSensitiveHandler): Bridge {
  const { clock, host } = runtime;
  const now = () => clock.now();
  const readSettings = settingsCache(runtime.dataverse, now);
  const watched = new WeakSet<Xrm.Attributes.Attribute>();
  const pending = new Set<Promise<unknown>>();
  let lastSettings: FormSettings | null = null;

  const language = () => languageOf(resourceStrings(runtime.resourceString));
  const describe = (error: unknown) => describeError(error, language(), now());

  /** The page's token provider, resolved at each call (the page may register one after the scripts load). */
  const tokens = (settings: FormSettings): TokenProvider => ({
    getAccessToken: () => resolveTokenProvider(host(), settings.serviceScope).getAccessToken(),
  });

  function service(settings: FormSettings): SyncService {
    if (settings.endpointUrl === null) {
      const endpoint = settings.endpointProblem ?? "empty";
      throw new SyncServiceError("notConfigured", `csb_SyncEndpointUrl is ${endpoint}`, { endpoint });
    }
    return syncServiceClient({
      baseUrl: settings.endpointUrl,
      tokens: tokens(settings),
      fetch: runtime.fetch,
      now,
      ...(runtime.serviceTimeoutMs === undefined ? {} : { timeoutMs: runtime.serviceTimeoutMs }),
    });
  }

  return {
    runtime,
    sessions: formSessions((recordId) => formSession(recordId, runtime.dataverse, revalidate, watched)),
    knownSettings: () => lastSettings,
    async settings() {
      lastSettings = await readSettings();
      return lastSettings;
    },
    language,
    describe,
    reason: (error) => (error instanceof SyncServiceError ? describe(error) : messageOf(error)),
    shareSignIn(settings) {
      resolveTokenProvider(host(), settings.serviceScope);
    },
    service,
    watchStatus(form, session, settings, since) {
      const recordId = session.recordId;
      if (recordId === null || settings.endpointUrl === null) return;
      const client = service(settings);
      session.poller ??= statusPoller(
        {
          fetchStatus: () => client.status(recordId),
          isCurrent: () => session.serves(form),
          onStatus: (status) => {
            session.lastStatus = status;
            showStatus(form, status, settings, language());
            reevaluateCommandBar(form);
          },
          onError: (error) => {
            notify(form, NOTICE.status, LEVEL.warning, describe(error));
          },
          onGiveUp: () => {
            notify(form, NOTICE.status, LEVEL.warning, language().say("statusStillPending"));
          },
        },
        clock,
      );
      session.poller.start(since);
    },
    track(work) {
      const settled = work.then(
        () => undefined,
        () => undefined,
      );
      pending.add(settled);
      void settled.then(() => pending.delete(settled));
    },
    async idle() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}

/** Enable rules depend on the status; the command bar re-evaluates them only when asked. */
export function reevaluateCommandBar(form: Xrm.FormContext): void {
  try {
    form.ui.refreshRibbon();
  } catch {
    // Hosts without a command bar (the local demo, some dialogs) have nothing to refresh.
  }
}
