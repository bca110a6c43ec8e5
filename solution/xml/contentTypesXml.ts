/**
 * [Content_Types].xml, the Open Packaging Conventions part that gives every file of the zip a content type: a Default
 * per file extension, and an Override per extension-less file (the web resources), as Dataverse's exports write it.
 */
import { element, xmlDocument } from "./xmlNode";

export const contentTypesEntry = "[Content_Types].xml";
const octetStream = "application/octet-stream";

function extensionOf(entry: string): string | undefined {
  const fileName = entry.slice(entry.lastIndexOf("/") + 1);
  const dot = fileName.lastIndexOf(".");
  return dot <= 0 ? undefined : fileName.slice(dot + 1).toLowerCase();
}

/** The content types of the given zip entries (the part itself excluded). */
export function contentTypesXml(entries: readonly string[]): string {
  const files = entries.filter((entry) => entry !== contentTypesEntry);
  const extensions = [...new Set(files.flatMap((entry) => extensionOf(entry) ?? []))].sort();
  const extensionless = files.filter((entry) => extensionOf(entry) === undefined).sort();
  return xmlDocument(
    element(
      "Types",
      { xmlns: "http://schemas.openxmlformats.org/package/2006/content-types" },
      extensions.map((extension) => element("Default", { Extension: extension, ContentType: octetStream })),
      extensionless.map((entry) => element("Override", { PartName: `/${entry}`, ContentType: octetStream })),
    ),
  );
}
