// ImportSolution for the Dataverse emulator: the HTTP layer calls importSolution with the zip of an
// ImportSolution request and turns SolutionImportError and SolutionApplyError into 400 answers listing every problem.
export { SolutionApplyError, type ApplyProblem, type ApplyProblemCode } from "./applyProblems";
export { holdingSolutionName, promoteHoldingSolution } from "./holdingSolution";
export { importSolution, type ImportOptions } from "./importSolution";
export {
  componentKinds,
  type ComponentChanges,
  type ComponentCounts,
  type ComponentKind,
  type ComponentOutcome,
  type ImportedControl,
  type ImportedControlFile,
  type ImportedForm,
  type ImportKind,
  type ImportResult,
} from "./importResult";
export { controlFileWebResourceName } from "./webResourceRows";
