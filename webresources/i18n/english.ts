/**
 * Every sentence the scripts show, in English (LCID 1033). `{0}`, `{1}` are filled in by `say`. Validation problems
 * are core's own English messages; only other languages need their own versions (the `problem…` keys).
 */
export const english = {
  statusSynced: "✔ Synced with Partner Center.",
  statusSyncedAt: "✔ Synced with Partner Center on {0}.",
  statusPending: "Syncing with Partner Center… This message updates by itself.",
  statusError: "✖ Not synced with Partner Center: {0} {1}",
  statusErrorNoDetail:
    "✖ The last sync with Partner Center failed. Open the Co-sell panel for details, or choose Sync with Partner Center now.",
  statusStillPending: "Still syncing with Partner Center. Reload the form later to see the result.",

  notConfigured: "Co-sell Bridge is not set up: the environment variable csb_SyncEndpointUrl {0}. Tell your admin.",
  endpointEmpty: "is empty",
  endpointInvalid: "is not a web address",
  signIn: "You can't be signed in to the sync service ({0}). Reload the form; if it keeps happening, tell your admin.",
  unreachable: "The sync service can't be reached; try again in a minute or tell your admin.",
  timeout: "The sync service didn't answer in time; try again in a minute or tell your admin.",
  unauthorized:
    "The sync service didn't accept your sign-in. Reload the form to sign in again; if it keeps happening, tell your admin.",
  forbidden: "You aren't allowed to do this. {0} {1}",
  throttled: "The sync service is busy. Try again in {0} seconds (after {1}).",
  unavailable: "The sync service is briefly unavailable. {0} Try again in {1} seconds (after {2}).",
  refused: "The sync service refused: {0} {1}",
  failed: "The sync service failed (HTTP {0}). {1} {2}",
  failedNoDetail: "Try again; if it keeps failing, tell your admin.",
  badAnswer:
    "The sync service sent an answer this form can't read. Tell your admin: the service and the solution may not match.",
  unexpected: "Something went wrong in Co-sell Bridge ({0}). Reload the form; if it keeps happening, tell your admin.",

  settingsUnreadable:
    "Co-sell Bridge couldn't read its settings ({0}). Reload the form; if it keeps happening, tell your admin.",
  mappingInvalid:
    "Co-sell Bridge can't check this opportunity because its field mapping is invalid. Tell your admin: {0}",
  wouldRefuse: "Partner Center would refuse this opportunity: {0}",
  saveRefused:
    "Not saved: with Sync with Partner Center = Yes, Partner Center would refuse this opportunity. Fix this, or set Sync with Partner Center to No: {0}",
  checking: "Checking the opportunity against Partner Center's rules…",
  checkFailed:
    "Couldn't check the opportunity against Partner Center's rules ({0}). It was saved; the sync service checks it again.",
  checkUnavailable:
    "Couldn't check the opportunity against Partner Center's rules ({0}). The sync service checks it when you save.",
  coSellOnly:
    "This opportunity won't be sent to Partner Center: only opportunities that ask Microsoft for help are synced. Choose How can Microsoft help? to send it.",

  saveFirst: "Save the opportunity before syncing it.",
  saveFailed: "The opportunity couldn't be saved, so it wasn't synced. Fix what the form shows and try again.",
  syncQueued: "Sync with Partner Center requested. The status above updates when it's done.",
  syncJoined: "A sync of this opportunity was already waiting; your request joined it.",
  noLink: "This opportunity has no Partner Center link yet. Sync it first.",
  noReferral: "This opportunity has no Partner Center referral to answer.",
  accepted: "Referral accepted in Partner Center.",
  declined: "Referral declined in Partner Center; the opportunity is closed as lost.",
  declineTitle: "Decline this referral?",
  declineText: "Partner Center closes it as declined and this opportunity is closed as lost. This can't be undone.",

  gridSynced: "Synced with Partner Center",
  gridPending: "Sync with Partner Center pending",
  gridError: "Sync with Partner Center failed: open the opportunity for details",
  gridNotSynced: "Not synced with Partner Center",
} as const;

export type StringKey = keyof typeof english;
