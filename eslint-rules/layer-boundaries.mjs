// Enforces the dependency rule of shared/DESIGN.md: core imports nothing of ours; controls, webresources, server and
// emulators import core and never each other. Relative imports are resolved against the importing file, so the rule
// judges where an import lands, not how its path happens to be spelled.
import path from "node:path";

/** Which top-level folders each layer may import from. Layers not listed (test, bench, scripts) are unrestricted. */
export const allowedImports = {
  core: ["core"],
  controls: ["controls", "core"],
  webresources: ["webresources", "core"],
  server: ["server", "core"],
  emulators: ["emulators", "core"],
  solution: ["solution", "core"],
};

/** Layers that may not import npm packages at run time (type-only imports are still allowed). */
const layersWithoutPackages = new Set(["core"]);

function topLevelFolder(root, absolutePath) {
  const relative = path.relative(root, absolutePath);
  if (relative.startsWith("..") || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep)[0];
}

/** @type {import("eslint").Rule.RuleModule} */
export const layerBoundaries = {
  meta: {
    type: "problem",
    docs: {
      description: "Keep the layers of shared/DESIGN.md apart (core ← controls, webresources, server, emulators).",
    },
    schema: [],
    messages: {
      crossLayer:
        "{{layer}}/ must not import from {{target}}/ ('{{source}}'). Allowed: {{allowed}}. Move shared logic into core/.",
      packageInCore:
        "core/ has no runtime dependencies, so it must not import the package '{{source}}'. Write it in core or move it out.",
    },
  },
  create(context) {
    const root = context.cwd;
    const layer = topLevelFolder(root, context.filename);
    const allowed = layer === undefined ? undefined : allowedImports[layer];
    if (allowed === undefined) return {};

    function check(node, source, isTypeOnly) {
      if (typeof source !== "string") return;
      if (!source.startsWith(".")) {
        if (layersWithoutPackages.has(layer) && !isTypeOnly) {
          context.report({ node, messageId: "packageInCore", data: { source } });
        }
        return;
      }
      const target = topLevelFolder(root, path.resolve(path.dirname(context.filename), source));
      if (target !== undefined && !allowed.includes(target)) {
        context.report({
          node,
          messageId: "crossLayer",
          data: { layer, target, source, allowed: allowed.map((name) => `${name}/`).join(", ") },
        });
      }
    }

    return {
      ImportDeclaration: (node) => check(node, node.source.value, node.importKind === "type"),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value, node.exportKind === "type"),
      ExportAllDeclaration: (node) => check(node, node.source.value, node.exportKind === "type"),
      ImportExpression: (node) => node.source.type === "Literal" && check(node, node.source.value, false),
      CallExpression: (node) => {
        const [first] = node.arguments;
        if (node.callee.type === "Identifier" && node.callee.name === "require" && first?.type === "Literal") {
          check(node, first.value, false);
        }
      },
    };
  },
};

export default { rules: { "layer-boundaries": layerBoundaries } };
