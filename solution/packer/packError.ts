/**
 * The packer's one error: everything that stops a pack, listed together, each saying what is wrong and what to do.
 * Builds that have not run yet are the usual cause, so the messages name the command that makes the missing file.
 */
export class PackError extends Error {
  constructor(readonly problems: readonly string[]) {
    const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
    super(`The CoSellBridge solution can't be packed (${count}):\n${problems.map((line) => `- ${line}`).join("\n")}`);
    this.name = "PackError";
  }
}

/** Collects problems so that one PackError can name them all. */
export class PackProblems {
  readonly list: string[] = [];

  add(problem: string): void {
    this.list.push(problem);
  }

  throwIfAny(): void {
    if (this.list.length > 0) throw new PackError(this.list);
  }
}
