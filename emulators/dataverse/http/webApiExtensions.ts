/**
 * The parts of the Web API built on the $batch and solution import modules: `POST $batch` (dataverse.md §4.3) and
 * the ImportSolution action. Kept together so the server wires them in one place.
 */
import { registerBatchRoute } from "./batchRoute";
import { importSolutionAction } from "./importSolutionAction";
import type { RouteExtension } from "./listener";
import type { ActionHandler } from "./webApiRoutes";

/** Adds `POST /api/data/v9.2/$batch`. */
export const webApiExtensions: readonly RouteExtension[] = [registerBatchRoute];

/**
 * Unbound actions besides WinOpportunity and LoseOpportunity that need nothing but the request. ImportSolutionAsync
 * and DeleteAndPromote run on the emulator's import jobs, so server.ts adds them (http/solutionJobActions.ts).
 */
export const webApiActions: Readonly<Record<string, ActionHandler>> = { ImportSolution: importSolutionAction };
