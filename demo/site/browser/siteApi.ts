/**
 * The pages' calls to the site's server. A failure becomes a sentence in the alert bar (the server says what went
 * wrong and what to do), never a console error: the site is used with a browser's console open.
 */
import type { SiteProblem } from "../shared/siteContract";
import { showAlert } from "./dom";

export async function getJson<T>(path: string): Promise<T | null> {
  return call<T>(path, { headers: { accept: "application/json" } });
}

export async function postJson<T>(path: string, body: unknown): Promise<T | null> {
  return call<T>(path, {
    method: "POST",
    headers: { accept: "application/json", "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

async function call<T>(path: string, init: RequestInit): Promise<T | null> {
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    showAlert("The demo site can't be reached: is `npm start` still running? Start it again, then reload this page.");
    return null;
  }
  const body = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    const problem = body as Partial<SiteProblem> | null;
    showAlert(problem?.message ?? `The demo site answered ${response.status}; reload the page and try again.`);
    return null;
  }
  showAlert(null);
  return body as T;
}
