import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  ...tseslint.configs.recommendedTypeChecked.map((c) => ({ ...c, files: ["**/*.ts", "**/*.tsx"] })),
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/only-throw-error": "off",
      "react/no-danger": "error",
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through lib/env.ts." },
      ],
      "no-restricted-syntax": [
        "error",
        { selector: "MemberExpression[property.name=/^\\$(queryRawUnsafe|executeRawUnsafe)$/]", message: "Use tagged $queryRaw." },
      ],
    },
  },
  {
    // Tooling runs outside Next and owns its own configuration; env.ts is the one reader in the app.
    files: ["lib/env.ts", "scripts/**", "tests/**", "e2e/**", "playwright.config.ts", "vitest.config.mts", "instrumentation.ts", "lib/db/schema-engine.ts", "lib/db/embedded-postgres.ts"],
    rules: { "no-restricted-properties": "off" },
  },
  globalIgnores([".next/**", ".bench/**", "node_modules/**", "lib/generated/**", "next-env.d.ts", ".data/**", "test-results/**", "playwright-report/**", "next.config.js", "postcss.config.mjs", "eslint.config.mjs", "scripts/prisma-generate.mjs"]),
]);
