// Flat ESLint config: typescript-eslint type-checked everywhere, the Power Apps checker rules where code runs inside
// Dynamics (controls, web resources), and the layer rule of shared/DESIGN.md for every folder.
import js from "@eslint/js";
import powerApps from "@microsoft/eslint-plugin-power-apps";
import globals from "globals";
import tseslint from "typescript-eslint";
import cosellBridge from "./eslint-rules/layer-boundaries.mjs";

export default tseslint.config(
  {
    ignores: ["node_modules/", "out/", "dist/", "coverage/", "**/generated/", ".data/"],
  },
  js.configs.recommended,
  {
    plugins: { "cosell-bridge": cosellBridge },
    rules: { "cosell-bridge/layer-boundaries": "error" },
  },
  {
    files: ["**/*.mjs", "**/*.cjs", "**/*.js"],
    languageOptions: { globals: globals.node },
  },
  {
    files: ["**/*.ts", "**/*.tsx", "**/*.mts"],
    extends: [tseslint.configs.strictTypeChecked, tseslint.configs.stylisticTypeChecked],
    languageOptions: {
      parserOptions: {
        // Each file is checked with its folder's tsconfig; root configs fall back to the strict base.
        projectService: { allowDefaultProject: ["*.config.mts"], defaultProject: "tsconfig.base.json" },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true, allowBoolean: true }],
      "@typescript-eslint/switch-exhaustiveness-check": ["error", { considerDefaultExhaustiveForUnions: true }],
      eqeqeq: ["error", "always"],
      "no-console": "error",
    },
  },
  {
    files: ["controls/**/*.{ts,tsx}", "webresources/**/*.ts"],
    plugins: { "@microsoft/power-apps": powerApps },
    rules: powerApps.configs.paCheckerHosted.rules,
  },
  {
    // Command-line entry points, the start script and benchmarks talk to a person through the console.
    files: ["scripts/**", "bench/**", "test/support/**"],
    rules: { "no-console": "off" },
  },
);
