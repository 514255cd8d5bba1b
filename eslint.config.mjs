import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

// The office-addins preset lints *.ts but not *.tsx: the same rules for the task pane and the demo,
// with React's and the hooks' rules on top.
const officeBlock = officeAddins.configs.recommended.find((c) => c.rules && c.files) ?? {};
const officeRules = officeBlock.rules ?? {};
// the preset's own plugin objects: a flat config may not define a plugin name twice
const tsPlugin = officeBlock.plugins["@typescript-eslint"];
const prettier = officeBlock.plugins.prettier;

// What the core may not import (below, with the test helpers added for its non-test files).
const CORE_IMPORT_BANS = [
  { group: ["node:*", "fs", "path", "os", "child_process"], message: "The core has no Node APIs." },
  { group: ["exceljs", "react", "react-dom", "@fluentui/*"], message: "The core imports no adapter or UI library." },
  { group: ["**/adapters/**", "**/taskpane/**", "**/cli/**"], message: "The core imports nothing from the adapters, the CLI or the UI." },
];

export default [
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "tests/artifacts/**"] },
  ...officeAddins.configs.recommended,
  {
    plugins: {
      "office-addins": officeAddins,
    },
    languageOptions: {
      parser: tsParser,
    },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "no-console": "off",
    },
  },
  {
    files: ["**/*.tsx"],
    plugins: {
      "@typescript-eslint": tsPlugin,
      "office-addins": officeAddins,
      prettier,
      react,
      "react-hooks": reactHooks,
    },
    languageOptions: {
      parser: tsParser,
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
      // the task pane and the demo run in a browser, inside Office
      globals: { ...globals.browser, Office: "readonly", Excel: "readonly" },
    },
    settings: { react: { version: "detect" } },
    rules: {
      ...officeRules,
      ...react.configs.flat.recommended.rules,
      ...reactHooks.configs.recommended.rules,
      // the automatic JSX runtime (tsconfig "jsx": "react-jsx") needs no React in scope
      "react/react-in-jsx-scope": "off",
      "react/prop-types": "off",
      "@typescript-eslint/no-explicit-any": "error",
    },
  },
  {
    // Promises must be awaited or handled: a dropped one loses its error (type-aware).
    files: ["src/**/*.ts", "src/**/*.tsx"],
    ignores: ["**/*.test.ts", "**/*.test.tsx"],
    languageOptions: {
      parser: tsParser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { "@typescript-eslint": tsPlugin },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    // The core is pure TypeScript: it may not reach for adapters, the UI, Node or Office.js.
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: CORE_IMPORT_BANS }],
      "no-restricted-globals": ["error", "Office", "Excel", "window", "document", "process"],
    },
  },
  {
    // ...and only its tests use the test helpers (tests/core/kit): the core's sources do not.
    files: ["src/core/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            ...CORE_IMPORT_BANS,
            { group: ["**/tests/**"], message: "Only the core's *.test.ts files import test helpers." },
          ],
        },
      ],
    },
  },
];
