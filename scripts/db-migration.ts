// `npm run db:migration -- <name> [--empty]`: writes prisma/migrations/<timestamp>_<name>/migration.sql
// with the SQL that takes the existing migrations to prisma/schema.prisma (`prisma migrate dev
// --create-only`, offline). The migrations are replayed into a scratch database: a shadow database
// on DATABASE_URL's server when set, else a throwaway local PostgreSQL cluster, else an in-memory
// PGlite when no PostgreSQL binaries are installed.
import { existsSync } from "node:fs";
import path from "node:path";
import { createMigration, takePanicMessage, type CreatedMigration } from "./support/schema-engine";
import { findPgBinDir, startPgCluster, stopPgCluster } from "../tests/support/pg-cluster";

const USAGE =
  "Usage: npm run db:migration -- <name> [--empty]\n  --empty  write an empty migration for hand-written SQL even when the schema and the migrations agree";

function loadEnvFiles(): void {
  for (const file of [".env.local", ".env"]) if (existsSync(file)) process.loadEnvFile(file);
}

function hasLocalPostgres(): boolean {
  try {
    findPgBinDir();
    return true;
  } catch {
    return false;
  }
}

async function create(name: string, allowEmpty: boolean): Promise<CreatedMigration | null> {
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    console.log(
      "Computing the diff on DATABASE_URL's server (a shadow database is created and dropped there).",
    );
    try {
      return await createMigration(name, { databaseUrl, allowEmpty });
    } catch (error) {
      throw new Error(
        `${error instanceof Error ? error.message : String(error)}\n(Unset DATABASE_URL to compute the diff on a throwaway local database instead.)`,
      );
    }
  }
  if (hasLocalPostgres()) {
    console.log("Computing the diff on a throwaway PostgreSQL cluster.");
    const cluster = await startPgCluster();
    try {
      return await createMigration(name, { databaseUrl: cluster.adminUrl, allowEmpty });
    } finally {
      await stopPgCluster(cluster);
    }
  }
  console.log(
    "Computing the diff on a throwaway embedded PGlite (no PostgreSQL binaries found; this takes a few seconds).",
  );
  return createMigration(name, { databaseUrl: undefined, allowEmpty });
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const allowEmpty = args.includes("--empty");
  const names = args.filter((arg) => !arg.startsWith("--"));
  const unknown = args.filter((arg) => arg.startsWith("--") && arg !== "--empty");
  if (names.length !== 1 || unknown.length > 0 || args.includes("--help")) {
    console.error(USAGE);
    return 1;
  }
  loadEnvFiles();
  const started = performance.now();
  const created = await create(names[0] ?? "", allowEmpty);
  const ms = Math.round(performance.now() - started);
  if (!created) {
    console.log(
      `prisma/schema.prisma and prisma/migrations already agree; no migration written (${ms} ms). Use --empty for a hand-written one.`,
    );
    return 0;
  }
  console.log(
    `Wrote ${path.relative(process.cwd(), path.join(created.directory, "migration.sql"))} (${ms} ms). Review it, then apply it with \`npm run db:migrate\`.`,
  );
  return 0;
}

// A panic inside the WebAssembly engine escapes as an uncaught "RuntimeError: unreachable".
process.on("uncaughtException", (error) => {
  const panic = takePanicMessage();
  console.error(
    `db:migration failed: ${panic ? `schema engine panicked: ${panic}` : (error.stack ?? error.message)}`,
  );
  process.exit(1);
});

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error("db:migration failed:", error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
