// ESLint flat config: the recommended TypeScript rules, the rules of hooks for the web app, plus the inward-only
// dependency rule of DESIGN.md.
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules", "data", "dist", "web/dist", "coverage", "test-results"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: "readonly", console: "readonly" } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      // The Kysely schema is composed of per-area table interfaces, some of which start out empty.
      "@typescript-eslint/no-empty-object-type": ["error", { allowInterfaces: "always" }],
    },
  },
  {
    files: ["web/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
    },
  },
  {
    // The core and the telegram format are pure: no I/O, and nothing from the outer layers.
    files: ["src/core/**/*.ts", "src/telegram/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["node:*", "fs", "path", "crypto"], message: "src/core and src/telegram are pure: no I/O." },
            {
              group: ["**/store/**", "**/services/**", "**/server/**", "**/cli/**"],
              message: "Dependencies point inward only.",
            },
          ],
        },
      ],
    },
  },
  {
    // The API's schemas: what routes validate and the web app types its calls with. They describe the edge, so they
    // take the vocabulary of the core and the services and nothing of the server, the store or the CLI.
    files: ["src/api/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["node:*"], message: "src/api holds schemas only: no I/O." },
            {
              group: ["**/server/**", "**/store/**", "**/cli/**"],
              message: "src/api is imported by the server and the web app; it imports neither.",
            },
          ],
        },
      ],
    },
  },
  {
    // The browser bundle may import the pure core and telegram format at run time, and the API's schemas as types
    // (they reach into the services for their vocabulary); nothing of the server, the services, the store or the CLI.
    files: ["web/src/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/src/server/**", "**/src/services/**", "**/src/store/**", "**/src/cli/**", "node:*"],
              message:
                "The web app talks to the server through the API: take its shapes from src/api and the domain's " +
                "vocabulary from src/core.",
            },
            {
              group: ["**/src/api/**"],
              allowTypeImports: true,
              message: "Import the API's schemas as types only: at run time they would bring the services' code along.",
            },
          ],
        },
      ],
    },
  },
);
