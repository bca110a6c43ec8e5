/**
 * Reads the ControlManifest.xml that pcf-scripts writes (out/controls/<folder>/ControlManifest.xml): the control's
 * namespace and constructor, its properties, and the resource files it lists (code, css, resx, img, html), whose paths
 * are relative to the manifest's folder (shared/reference/toolchain.md §2 "Outputs").
 */
import { XMLParser } from "fast-xml-parser";

export interface ManifestProperty {
  readonly name: string;
  /** "bound", "input" or "output". */
  readonly usage: string;
  readonly required: boolean;
}

export interface BuiltControlManifest {
  readonly namespace: string;
  readonly constructorName: string;
  readonly properties: readonly ManifestProperty[];
  /** Resource files, as written in the manifest. */
  readonly resourcePaths: readonly string[];
}

const resourceKinds = ["code", "css", "resx", "img", "html"];
const listElements = new Set(["property", ...resourceKinds]);

// Attribute names get a prefix: fast-xml-parser refuses an attribute named `constructor` as such.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  isArray: (name) => listElements.has(name),
});

type Parsed = Record<string, unknown>;

function isObject(value: unknown): value is Parsed {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function objects(value: unknown): Parsed[] {
  return Array.isArray(value) ? (value as unknown[]).filter(isObject) : [];
}

function text(node: Parsed, attribute: string): string {
  const value = node[`@_${attribute}`];
  return typeof value === "string" ? value : "";
}

/** Parses the manifest; throws with a readable reason when it is not a control manifest. */
export function readControlManifest(xml: string): BuiltControlManifest {
  const root: unknown = parser.parse(xml);
  const manifest = isObject(root) ? root.manifest : undefined;
  const control = isObject(manifest) ? manifest.control : undefined;
  if (!isObject(control)) throw new Error("it has no <manifest><control> element");
  const resources = isObject(control.resources) ? control.resources : {};
  return {
    namespace: text(control, "namespace"),
    constructorName: text(control, "constructor"),
    properties: objects(control.property).map((property) => ({
      name: text(property, "name"),
      usage: text(property, "usage") || "bound",
      required: text(property, "required") === "true",
    })),
    resourcePaths: resourceKinds.flatMap((kind) => objects(resources[kind]).map((resource) => text(resource, "path"))),
  };
}
