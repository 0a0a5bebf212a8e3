import { defineConfig } from "@playwright/test";
import { keepAliveArgs } from "./scripts/support/keep-alive";

// scripts/test-e2e.ts prepares the database and passes its URL; run e2e through `npm run test:e2e`.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e-results.json" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    // As `npm start` serves: idle connections outlive the request client's (scripts/support/keep-alive.ts).
    command: `node node_modules/next/dist/bin/next start -p ${port} -H 127.0.0.1 ${keepAliveArgs.join(" ")}`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      DATABASE_URL: process.env.DATABASE_URL ?? "",
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "e2e-secret-e2e-secret-e2e-secret-0123456789",
      NEXTAUTH_URL: baseURL,
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      SESSION_IDLE_MINUTES: "30",
      // The webhook receiver of e2e/admin-webhooks.spec.ts (node:http in the test process).
      WEBHOOK_ALLOWED_HOSTS: `127.0.0.1:${port + 1000}`,
    },
  },
});
