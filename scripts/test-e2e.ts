// End-to-end tier: a throwaway PostgreSQL (unless DATABASE_URL is set), migrations, a production
// build, then Playwright in the system Chromium against `next start`.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { applyMigrations } from "./support/schema-engine";
import {
  createDatabase,
  dropDatabase,
  startPgCluster,
  stopPgCluster,
  type PgCluster,
} from "../tests/support/pg-cluster";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): number {
  const r = spawnSync(cmd, args, { stdio: "inherit", env });
  return r.status ?? 1;
}

async function main(): Promise<number> {
  if (!existsSync(chromium)) {
    console.error(
      `End-to-end tests need Chromium at ${chromium}: install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH).`,
    );
    return 1;
  }
  let cluster: PgCluster | null = null;
  let url = process.env.E2E_DATABASE_URL;
  let created = false;
  try {
    if (!url) {
      const server = process.env.DATABASE_URL ?? (cluster = await startPgCluster()).adminUrl;
      url = await createDatabase(server, "clinreview_e2e");
      created = true;
    }
    await applyMigrations(url);
    const env = { ...process.env, DATABASE_URL: url, NEXT_TELEMETRY_DISABLED: "1" };
    if (!process.env.E2E_SKIP_BUILD) {
      const built = run(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
        ...env,
        NODE_ENV: "production",
      });
      if (built !== 0) return built;
    }
    return run(
      process.execPath,
      ["node_modules/@playwright/test/cli.js", "test", ...process.argv.slice(2)],
      env,
    );
  } finally {
    if (created && url && !cluster) await dropDatabase(url).catch(() => undefined);
    if (cluster) await stopPgCluster(cluster);
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
