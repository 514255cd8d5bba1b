import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";

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
    // The core is pure TypeScript: it may not reach for adapters, the UI, Node or Office.js.
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["node:*", "fs", "path", "os", "child_process"], message: "The core has no Node APIs." },
            { group: ["exceljs", "react", "react-dom", "@fluentui/*"], message: "The core imports no adapter or UI library." },
            { group: ["**/adapters/**", "**/taskpane/**", "**/cli/**"], message: "The core imports nothing from the adapters, the CLI or the UI." },
          ],
        },
      ],
      "no-restricted-globals": ["error", "Office", "Excel", "window", "document", "process"],
    },
  },
];
