/**
 * The operator page's script: signs in with the admin token (session.ts), refreshes the dashboard every few seconds
 * while the tab is visible, and runs the Retry buttons. Action results go to a polite live region; a refused token
 * goes to an alert above the sign-in box, which says what to do.
 */
import { OVERVIEW_WINDOW, type ProblemJob } from "../../operations/adminViews";
import { AdminApiError, adminApi, type AdminApi } from "./adminApi";
import { Dashboard } from "./dashboard";
import { byId } from "./dom";
import { count } from "./format";
import { Refresher } from "./refresher";
import { cleanToken, forgetToken, saveToken, takeToken } from "./session";

const REFRESH_MS = 5000;
const PROBLEM_LIMIT = 100;

const connection = byId("connection", HTMLElement);
const alertBox = byId("alert", HTMLElement);
const actionResult = byId("action-result", HTMLElement);
const signInSection = byId("sign-in", HTMLElement);
const tokenInput = byId("token-input", HTMLTextAreaElement);
const dashboardSection = byId("dashboard", HTMLElement);
const signOutButton = byId("sign-out", HTMLButtonElement);
const retryAllButton = byId("retry-all", HTMLButtonElement);
const updated = byId("updated", HTMLElement);

let api: AdminApi | null = null;
const refresher = new Refresher(refresh, REFRESH_MS);
const dashboard = new Dashboard((job, button) => void retryJob(job, button));

function setConnection(text: string, trouble: boolean): void {
  connection.textContent = text;
  connection.classList.toggle("trouble", trouble);
}

function announce(text: string): void {
  actionResult.textContent = text;
}

/** Why the token was refused and what to do, in the alert; null clears it. */
function showAlert(problem: AdminApiError | null): void {
  alertBox.hidden = problem === null;
  if (problem === null) return;
  const whatToDo =
    problem.status === 401
      ? "Get a fresh admin token (see “Where to get a token” below) and sign in again."
      : problem.whatToDo;
  alertBox.textContent = `${problem.status === 401 ? "The service refused the token" : "Not allowed"}: ${problem.message}. ${whatToDo}`;
}

function showSignIn(problem: AdminApiError | null): void {
  api = null;
  refresher.stop();
  forgetToken();
  showAlert(problem);
  dashboardSection.hidden = true;
  signOutButton.hidden = true;
  signInSection.hidden = false;
  setConnection("Not signed in.", false);
  tokenInput.focus();
}

function signIn(token: string): void {
  api = adminApi(token);
  signInSection.hidden = true;
  signOutButton.hidden = false;
  setConnection("Connecting…", false);
  refresher.start();
}

/** What went wrong and what to do, in one line. */
function describe(error: unknown): string {
  return error instanceof AdminApiError ? `${error.message}. ${error.whatToDo}` : String(error);
}

/** A refused token ends the session (and shows the sign-in box); true when it did. */
function endedSession(error: unknown): boolean {
  if (!(error instanceof AdminApiError && error.needsSignIn)) return false;
  showSignIn(error);
  return true;
}

async function refresh(): Promise<void> {
  const current = api;
  if (current === null) return;
  try {
    const [overview, syncs, jobs] = await Promise.all([
      current.overview(),
      current.recentSyncs(OVERVIEW_WINDOW),
      current.problems(PROBLEM_LIMIT),
    ]);
    if (api !== current) return;
    showAlert(null);
    dashboardSection.hidden = false;
    dashboard.show({ overview, syncs, jobs });
    setConnection("Connected; refreshing every 5 seconds.", false);
    updated.textContent = new Date().toLocaleTimeString();
  } catch (error) {
    if (api === current && !endedSession(error)) setConnection(`Could not refresh: ${describe(error)}`, true);
  }
}

async function retryJob(job: ProblemJob, button: HTMLButtonElement): Promise<void> {
  const current = api;
  if (current === null) return;
  const what = `${job.dedupeKey ?? job.kind} (job ${job.id})`;
  button.disabled = true;
  announce(`Retrying ${what}…`);
  try {
    await current.retry(job.id);
    announce(`${what} is back in the queue and runs again now.`);
    await refresher.now();
  } catch (error) {
    if (!endedSession(error)) announce(`Retry of ${what} failed: ${describe(error)}`);
  } finally {
    button.disabled = false;
  }
}

async function retryAll(): Promise<void> {
  const current = api;
  if (current === null) return;
  retryAllButton.disabled = true;
  announce("Retrying every parked job…");
  try {
    const { retried } = await current.retryAll();
    announce(
      retried === 0 ? "No job was parked; nothing to retry." : `${count(retried, "parked job")} back in the queue.`,
    );
  } catch (error) {
    if (endedSession(error)) return;
    announce(`Retry all failed: ${describe(error)}`);
  }
  await refresher.now();
}

byId("sign-in-form", HTMLFormElement).addEventListener("submit", (event) => {
  event.preventDefault();
  const token = cleanToken(tokenInput.value);
  if (token === null) return;
  tokenInput.value = "";
  saveToken(token);
  signIn(token);
});
signOutButton.addEventListener("click", () => {
  showSignIn(null);
  announce("Signed out; the token is forgotten.");
});
retryAllButton.addEventListener("click", () => void retryAll());
document.addEventListener("visibilitychange", () => {
  if (document.hidden && api !== null) setConnection("Paused while this tab is hidden.", false);
});

const token = takeToken();
if (token === null) showSignIn(null);
else signIn(token);
