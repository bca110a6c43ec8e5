/**
 * Reads `CustomControls/CustomControl` (CustomizationsSolution.xsd, customcontroltype: Name and FileName) and the
 * ControlManifest.xml it names, as pcf-scripts emits it: `manifest/control` with namespace, constructor, version,
 * control-type, its properties and the resources (code, css, resx, img, html, platform-library). The control lives in
 * `Controls/<prefix>_<namespace>.<constructor>/` (shared/reference/toolchain.md §4).
 */
import type { ControlManifest, ControlProperty, ControlResourceFile, SolutionCustomControl } from "./componentModel";
import { ElementReader, type ReadContext } from "./elementReader";
import { entryInFolder, entryOfFileName } from "./partPaths";
import { parseXmlPart } from "./xmlPart";
import { childNamed, childrenNamed, childText, elementsOf, listItems, type XmlElement } from "./xmlElement";
import type { SolutionFiles } from "./zipArchive";

const resourceKinds: readonly ControlResourceFile["kind"][] = ["code", "css", "resx", "img", "html"];

function readProperty(control: ElementReader, element: XmlElement): ControlProperty {
  const property = control.child(element, `${control.subject}, property '${element.attributes.name ?? "(unnamed)"}',`);
  return {
    name: property.requiredAttribute("name"),
    ofType: property.attribute("of-type"),
    ofTypeGroup: property.attribute("of-type-group"),
    usage: property.attribute("usage") ?? "bound",
    required: property.attribute("required") === "true",
    displayNameKey: property.attribute("display-name-key"),
    descriptionKey: property.attribute("description-key"),
  };
}

/** Every resource file of the manifest with its bytes; a file the zip lacks is a "MissingFile" problem. */
function readResourceFiles(
  control: ElementReader,
  resources: XmlElement | undefined,
  folder: string,
  files: SolutionFiles,
): ControlResourceFile[] {
  const found: ControlResourceFile[] = [];
  for (const element of resources === undefined ? [] : elementsOf(resources)) {
    const kind = resourceKinds.find((candidate) => candidate === element.name);
    if (kind === undefined) continue;
    const manifestPath = element.attributes.path ?? "";
    const path = entryInFolder(folder, manifestPath);
    const content = path === undefined ? undefined : files.get(path);
    if (path === undefined || content === undefined) {
      control.problem(
        `lists the ${kind} file '${manifestPath}', which is not in the zip under '${folder}'. Add it.`,
        "MissingFile",
      );
      continue;
    }
    found.push({ kind, manifestPath, path, content });
  }
  return found;
}

function readManifest(control: ElementReader, element: XmlElement): ControlManifest {
  const version = control.requiredAttribute("version");
  if (version !== "" && !/^\d+\.\d+\.\d+$/.test(version)) {
    control.problem(`has version="${version}"; a control version has three numbers, e.g. 1.0.0.`);
  }
  return {
    namespace: control.requiredAttribute("namespace"),
    constructorName: control.requiredAttribute("constructor"),
    version,
    controlType: control.attribute("control-type") ?? "standard",
    displayNameKey: control.attribute("display-name-key"),
    descriptionKey: control.attribute("description-key"),
    apiVersion: control.attribute("api-version"),
    properties: childrenNamed(element, "property").map((property) => readProperty(control, property)),
    platformLibraries: listItems(element, "resources", "platform-library").map((library) => ({
      name: library.attributes.name ?? "",
      version: library.attributes.version ?? "",
    })),
  };
}

function readCustomControl(
  element: XmlElement,
  context: ReadContext,
  files: SolutionFiles,
  prefix: string,
): SolutionCustomControl | undefined {
  const entry = new ElementReader(
    element,
    `The custom control '${childText(element, "Name") ?? "(unnamed)"}'`,
    context,
  );
  const name = entry.requiredText("Name");
  const fileName = entry.requiredText("FileName", "MissingFile");
  const manifestEntry = entryOfFileName(fileName);
  const manifestBytes = manifestEntry === undefined ? undefined : files.get(manifestEntry);
  if (fileName === "" || manifestEntry === undefined || manifestBytes === undefined) {
    if (fileName !== "")
      entry.problem(`names '${fileName}' as its manifest, but the zip has no such file. Add it.`, "MissingFile");
    return undefined;
  }
  const manifestContext: ReadContext = { part: manifestEntry, findings: context.findings };
  const root = parseXmlPart(manifestBytes, manifestEntry, "manifest", context.findings);
  const controlElement = root === undefined ? undefined : childNamed(root, "control");
  if (root !== undefined && controlElement === undefined) {
    context.findings.problem("InvalidComponent", manifestEntry, "The control manifest has no <control> element.");
  }
  if (controlElement === undefined) return undefined;
  const control = new ElementReader(controlElement, `The control manifest of '${name}'`, manifestContext);
  const manifest = readManifest(control, controlElement);
  const folder = manifestEntry.slice(0, manifestEntry.lastIndexOf("/") + 1);
  const resourceFiles = readResourceFiles(control, childNamed(controlElement, "resources"), folder, files);
  const codeFiles = resourceFiles.filter((file) => file.kind === "code");
  if (listItems(controlElement, "resources", "code").length !== 1) {
    control.problem("must list exactly one <code> resource (the bundle.js pcf-scripts builds).");
  }
  const expectedName = `${prefix}_${manifest.namespace}.${manifest.constructorName}`;
  if (name !== expectedName) {
    entry.problem(
      `must be named '${expectedName}' (<prefix>_<namespace>.<constructor> of its manifest).`,
      "ComponentMismatch",
    );
  }
  if (manifestEntry !== `Controls/${name}/ControlManifest.xml`) {
    entry.warn(`keeps its manifest at '${manifestEntry}' rather than 'Controls/${name}/ControlManifest.xml'.`);
  }
  return { name, fileName, manifest, bundle: codeFiles[0]?.content ?? new Uint8Array(), files: resourceFiles };
}

/** Reads every custom control with its manifest and files. */
export function readCustomControls(
  customizations: XmlElement,
  context: ReadContext,
  files: SolutionFiles,
  publisherPrefix: string,
): SolutionCustomControl[] {
  return listItems(customizations, "CustomControls", "CustomControl").flatMap(
    (element) => readCustomControl(element, context, files, publisherPrefix) ?? [],
  );
}
