/**
 * Ids of the parts inside a component (form tabs, sections, cells, event handlers, libraries): derived from the
 * component's own id and the part's name, as a name-based (version 5 style) GUID. They stay the same from one
 * version to the next, so an upgrade matches every part to itself, and nobody has to invent or keep dozens of GUIDs.
 * Components themselves (web resources, forms, steps...) carry ids written out in their definitions.
 */
import { createHash } from "node:crypto";

/** A GUID (lowercase, no braces) that depends only on `ownerId` and `partName`. */
export function derivedId(ownerId: string, partName: string): string {
  const digest = createHash("sha1").update(`${ownerId.toLowerCase()}/${partName}`).digest();
  const bytes = Uint8Array.from(digest.subarray(0, 16));
  // Set the version (5: name-based, SHA-1) and the RFC 4122 variant, as a real name-based GUID has them.
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Buffer.from(bytes).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
