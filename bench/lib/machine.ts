/** What the numbers were measured on, printed with every benchmark so results can be compared honestly. */
import { cpus, totalmem } from "node:os";

export function machineDescription(): string {
  const processors = cpus();
  const model = processors[0]?.model.trim() ?? "unknown CPU";
  const memoryGiB = (totalmem() / 1024 ** 3).toFixed(0);
  return `${processors.length} × ${model}, ${memoryGiB} GiB, Node ${process.version}, ${process.platform}`;
}
