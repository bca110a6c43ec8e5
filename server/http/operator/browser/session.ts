/**
 * The operator's admin token. It arrives in the URL fragment (`#access_token=…`, as the OAuth implicit flow and the
 * demo site hand it over): browsers never send a fragment to a server, so it is in no access log. The page removes it
 * from the address bar and the history entry at once, and keeps it in sessionStorage, which this tab alone can read
 * and which is gone when the tab closes.
 * https://developer.mozilla.org/en-US/docs/Web/API/Window/sessionStorage
 */

const STORAGE_KEY = "cosell-bridge.operator.token";
const FRAGMENT_PARAMETER = "access_token";

/** When storage is off (some privacy settings), the token lives as long as the page. */
let inMemory: string | null = null;

/** A token as pasted: surrounding blanks and a leading "Bearer " are not part of it. */
export function cleanToken(text: string): string | null {
  const token = text.trim().replace(/^Bearer\s+/i, "");
  return token === "" ? null : token;
}

function tokenInFragment(): string | null {
  const fragment = location.hash.replace(/^#/, "");
  // A plain anchor (#main) is no hand-over; `key=value` pairs are, even without access_token (an OAuth error).
  if (!fragment.includes("=")) return null;
  const token = new URLSearchParams(fragment).get(FRAGMENT_PARAMETER);
  history.replaceState(history.state, "", `${location.pathname}${location.search}`);
  return token === null ? null : cleanToken(token);
}

export function saveToken(token: string): void {
  inMemory = token;
  try {
    sessionStorage.setItem(STORAGE_KEY, token);
  } catch {
    // Storage is off: the in-memory copy serves until the page is closed or reloaded.
  }
}

function storedToken(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY) ?? inMemory;
  } catch {
    return inMemory;
  }
}

export function forgetToken(): void {
  inMemory = null;
  try {
    sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing was stored.
  }
}

/** The token handed over in the URL (which then replaces any stored one), else the one this tab kept, else null. */
export function takeToken(): string | null {
  const handedOver = tokenInFragment();
  if (handedOver !== null) saveToken(handedOver);
  return handedOver ?? storedToken();
}
