/**
 * Web resources and PCF controls. A web resource is a `webresource` row (content as base64) under the id of the zip;
 * a control is a `customcontrol` row holding its manifest XML, and each of its files (bundle.js, css, resx) is stored
 * as a web resource too, so that the organization (and a demo page reading it) can serve the bundle.
 */
import { unzipSync } from "fflate";
import type { ControlResourceFile, SolutionCustomControl, SolutionWebResource } from "../solution";
import { writeComponent, type ApplyContext } from "./applyContext";
import type { ImportedControl, ImportedControlFile } from "./importResult";
import { findIdBy } from "./rowWrites";

/** The longest web resource name the organization stores. */
const maxWebResourceNameLength = 100;

function base64Of(content: Uint8Array): string {
  return Buffer.from(content).toString("base64");
}

/** Creates or updates the web resources of the zip under their own ids. */
export function writeWebResources(
  context: ApplyContext,
  webResources: readonly SolutionWebResource[],
  managed: boolean,
): void {
  for (const webResource of webResources) {
    writeComponent(context, "webResource", webResource.name, {
      table: "webresource",
      id: webResource.id,
      fields: {
        name: webResource.name,
        displayname: webResource.displayName ?? null,
        webresourcetype: webResource.type,
        content: base64Of(webResource.content),
        description: webResource.description ?? null,
      },
      createOnly: { ismanaged: managed },
    });
  }
}

// Web resource types of a control's files by kind, and of its images by extension.
const typeOfKind = { code: 3, css: 2, resx: 12, html: 1 } as const;
const typeOfImage: Partial<Record<string, number>> = { png: 5, jpg: 6, jpeg: 6, gif: 7, ico: 10, svg: 11 };

function webResourceTypeOf(file: ControlResourceFile): number | undefined {
  if (file.kind !== "img") return typeOfKind[file.kind];
  return typeOfImage[file.manifestPath.split(".").pop()?.toLowerCase() ?? ""];
}

/**
 * The web resource name of a control's file. Dataverse keeps code component files as web resources named
 * `cc_<control name>/<path>` (as seen in exported organizations; not documented), so the emulator does the same.
 */
export function controlFileWebResourceName(control: SolutionCustomControl, file: ControlResourceFile): string {
  return `cc_${control.name}/${file.manifestPath.replace(/^\.\//, "")}`;
}

/**
 * The text of a control's ControlManifest.xml, read again from the zip: the package keeps the manifest only as
 * parsed fields, and the customcontrol row stores the XML as the control shipped it.
 */
function manifestXml(zipBytes: Uint8Array, control: SolutionCustomControl): string | undefined {
  const entry = control.fileName.replace(/^\//, "");
  const files = unzipSync(zipBytes, { filter: (file) => file.name === entry });
  const bytes = files[entry];
  return bytes === undefined ? undefined : new TextDecoder().decode(bytes).replace(/^\uFEFF/, "");
}

/** Creates or updates each control's customcontrol row and its files' web resources; returns the controls' files. */
export function writeCustomControls(
  context: ApplyContext,
  controls: readonly SolutionCustomControl[],
  zipBytes: Uint8Array,
): ImportedControl[] {
  return controls.map((control) => {
    writeComponent(context, "customControl", control.name, {
      table: "customcontrol",
      id: findIdBy(context.organization, "customcontrol", "name", control.name),
      fields: {
        name: control.name,
        manifest: manifestXml(zipBytes, control) ?? null,
        version: control.manifest.version,
      },
    });
    const files = control.files.flatMap((file) => writeControlFile(context, control, file));
    return { name: control.name, version: control.manifest.version, bundle: control.bundle, files };
  });
}

function writeControlFile(
  context: ApplyContext,
  control: SolutionCustomControl,
  file: ControlResourceFile,
): ImportedControlFile[] {
  const name = controlFileWebResourceName(control, file);
  const type = webResourceTypeOf(file);
  const imported = { manifestPath: file.manifestPath, webResourceName: name, content: file.content };
  if (name.length > maxWebResourceNameLength || type === undefined) {
    const why = type === undefined ? "its type is not one a web resource can have" : "its name would be too long";
    context.warnings.push({
      part: file.path,
      message: `is kept in the import result but not stored as a web resource: ${why}.`,
    });
    return [imported];
  }
  writeComponent(context, "webResource", name, {
    table: "webresource",
    id: findIdBy(context.organization, "webresource", "name", name),
    fields: {
      name,
      displayname: `${control.name} ${file.manifestPath}`,
      webresourcetype: type,
      content: base64Of(file.content),
    },
  });
  return [imported];
}
