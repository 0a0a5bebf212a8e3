import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

// Layer rules (ARCHITECTURE.md "Layers"). Pure libraries are plain functions over data: no database,
// no framework, no server-only marker, so they run anywhere (tests, scripts, the browser).
const PURE_LIBRARIES = [
  "lib/conversations/**",
  "lib/csv/**",
  "lib/phi/**",
  "lib/random/**",
  "lib/sampling/**",
  "lib/security/**",
  "lib/similarity/**",
  "lib/stats/**",
  "lib/text/**",
];
const DATABASE = [
  "@/lib/db",
  "@/lib/db/*",
  "**/lib/db/*",
  "@/lib/generated/*",
  "**/lib/generated/*",
  "@prisma/*",
  "pg",
];
const FRAMEWORK = [
  "next",
  "next/*",
  "next-auth",
  "next-auth/*",
  "react",
  "react/*",
  "react-dom",
  "react-dom/*",
  "server-only",
];

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
        {
          selector: "MemberExpression[property.name=/^\\$(queryRawUnsafe|executeRawUnsafe)$/]",
          message: "Use tagged $queryRaw.",
        },
      ],
    },
  },
  {
    files: PURE_LIBRARIES,
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [...DATABASE, ...FRAMEWORK],
              message:
                "Pure libraries import no database, Next, React or server-only: move this code to a service in lib/<feature>/.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["app/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "@/lib/db/prisma",
                "**/lib/db/prisma",
                "@/lib/generated/*",
                "**/lib/generated/*",
                "@prisma/client",
                "@prisma/client/*",
              ],
              message:
                "app/ holds thin routes and pages: reach the database through a service in lib/<feature>/.",
            },
          ],
        },
      ],
    },
  },
  {
    // Tooling runs outside Next and owns its own configuration; env.ts is the one reader in the app.
    files: [
      "lib/env.ts",
      "scripts/**",
      "tests/**",
      "e2e/**",
      "playwright.config.ts",
      "vitest.config.mts",
      "instrumentation.ts",
    ],
    rules: { "no-restricted-properties": "off" },
  },
  globalIgnores([
    ".next/**",
    ".bench/**",
    "node_modules/**",
    "lib/generated/**",
    "next-env.d.ts",
    ".data/**",
    "test-results/**",
    "playwright-report/**",
    "next.config.js",
    "postcss.config.mjs",
    "eslint.config.mjs",
    "scripts/prisma-generate.mjs",
  ]),
]);
