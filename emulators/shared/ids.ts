/**
 * GUIDs for emulated records: random by default, or a repeatable sequence from a seed so that tests and fixtures can
 * name the ids they will get.
 */
import { createHash, randomUUID } from "node:crypto";

export type IdGenerator = () => string;

export const randomIds: IdGenerator = () => randomUUID();

/** The same seed always gives the same sequence of well-formed (version 4 shaped) GUIDs. */
export function seededIds(seed: string): IdGenerator {
  let counter = 0;
  return () => {
    counter += 1;
    const hex = createHash("sha256").update(`${seed}:${counter}`).digest("hex");
    const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };
}
