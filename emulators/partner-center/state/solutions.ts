/**
 * The partner's co-sell solutions, the "SOL-…" ids that referrals name in `details.requirements.solutions` and in a
 * SolutionProfile target (shared/reference/partner-center.md §1.5, the 2024 private-deal sample).
 */
import { invalidInput, PartnerCenterError } from "./errors";
import { FieldChecker } from "./fieldChecks";

/** One co-sell solution in the partner's catalogue. */
export interface PartnerSolution {
  /** "SOL-" + five digits + "-" + three letters or digits, e.g. SOL-15974-MQF. */
  id: string;
  name: string;
  publisherName: string;
  /** "3P" for a partner's own solution, as in the documented sample; other values are kept as given. */
  solutionType: string;
  status?: string;
}

export const solutionIdPattern = /^SOL-\d{5}-[A-Z0-9]{3}$/;

export class SolutionCatalogue {
  private readonly solutions: PartnerSolution[] = [];

  constructor(
    seed: readonly PartnerSolution[],
    private readonly onChange: () => void,
  ) {
    for (const solution of seed) this.solutions.push(validSolution(solution, this.solutions));
  }

  /** Every solution, in the order they were added. */
  list(): PartnerSolution[] {
    return this.solutions.map((solution) => ({ ...solution }));
  }

  /** The solution with this id, ignoring letter case. */
  find(id: string): PartnerSolution | undefined {
    const found = this.solutions.find((solution) => solution.id.toUpperCase() === id.toUpperCase());
    return found === undefined ? undefined : { ...found };
  }

  /**
   * Adds a solution to the catalogue.
   * @throws PartnerCenterError 400 for a malformed solution, 409 when the id is already there.
   */
  add(solution: PartnerSolution): PartnerSolution {
    const added = validSolution(solution, this.solutions);
    this.solutions.push(added);
    this.onChange();
    return { ...added };
  }

  /** Replaces the catalogue with one read from a snapshot. */
  load(solutions: readonly PartnerSolution[]): void {
    this.solutions.length = 0;
    for (const solution of solutions) this.solutions.push(validSolution(solution, this.solutions));
  }
}

function validSolution(solution: PartnerSolution, existing: readonly PartnerSolution[]): PartnerSolution {
  const checker = new FieldChecker();
  if (typeof solution.id !== "string" || !solutionIdPattern.test(solution.id)) {
    checker.report("id", `id must look like SOL-15974-MQF (SOL-, five digits, -, three letters or digits).`);
  }
  checker.requireText(solution.name, "name", "give the solution's name");
  checker.requireText(solution.publisherName, "publisherName", "give the publisher's name");
  checker.requireText(solution.solutionType, "solutionType", 'give the solution type, e.g. "3P"');
  checker.optionalText(solution.status, "status");
  if (checker.problems.length > 0) throw invalidInput(checker.problems);
  if (existing.some((other) => other.id.toUpperCase() === solution.id.toUpperCase())) {
    throw new PartnerCenterError(409, "SolutionExists", `The catalogue already has solution '${solution.id}'.`, [
      { id: solution.id },
    ]);
  }
  const copy: PartnerSolution = {
    id: solution.id,
    name: solution.name,
    publisherName: solution.publisherName,
    solutionType: solution.solutionType,
  };
  if (solution.status !== undefined) copy.status = solution.status;
  return copy;
}
