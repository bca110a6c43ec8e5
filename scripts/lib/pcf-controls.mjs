import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/**
 * The PCF controls under a folder: each sub-folder that holds a ControlManifest.Input.xml, with the namespace and
 * constructor that pcf-scripts uses to name its output folder (out/controls/<constructor>).
 */
export function findControlFolders(root) {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(root, entry.name, "ControlManifest.Input.xml"))
    .filter((manifestPath) => existsSync(manifestPath))
    .map((manifestPath) => {
      const manifest = readFileSync(manifestPath, "utf8");
      const constructor = /<control\b[^>]*\bconstructor="([^"]+)"/.exec(manifest)?.[1];
      const namespace = /<control\b[^>]*\bnamespace="([^"]+)"/.exec(manifest)?.[1];
      if (constructor === undefined || namespace === undefined) {
        throw new Error(`${manifestPath}: <control> needs both a namespace and a constructor attribute`);
      }
      return { name: constructor, namespace, folder: path.dirname(manifestPath) };
    });
}

/** When each control's bundle.js was last written, or undefined when it does not exist. */
export function readBundleTimes(outDir, controls) {
  return controls.map((control) => {
    const bundlePath = path.join(outDir, control.name, "bundle.js");
    return { name: control.name, modifiedAt: existsSync(bundlePath) ? statSync(bundlePath).mtimeMs : undefined };
  });
}
