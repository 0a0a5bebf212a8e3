// `npm run db:migrate`: applies pending prisma/migrations to DATABASE_URL, like `prisma migrate
// deploy`, but through the WebAssembly schema engine so it works offline.
import { existsSync } from "node:fs";
import { applyMigrations, takePanicMessage } from "./support/schema-engine";

function loadEnvFiles(): void {
  // Next reads these for the app; the scripts read the same so both see one DATABASE_URL.
  for (const file of [".env.local", ".env"]) if (existsSync(file)) process.loadEnvFile(file);
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}

async function main(): Promise<number> {
  loadEnvFiles();
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error(
      [
        "db:migrate needs DATABASE_URL, e.g. DATABASE_URL=postgresql://user:password@host:5432/clinreview npm run db:migrate",
        "Without DATABASE_URL the app runs on its embedded PostgreSQL (PGlite), which applies the migrations itself on `npm start`.",
      ].join("\n"),
    );
    return 1;
  }
  const started = performance.now();
  const applied = await applyMigrations(databaseUrl);
  const ms = Math.round(performance.now() - started);
  if (applied.length === 0) console.log(`No pending migrations on ${redact(databaseUrl)} (${ms} ms).`);
  else
    console.log(
      `Applied ${applied.length} migration(s) to ${redact(databaseUrl)} in ${ms} ms:\n${applied.map((name) => `  ${name}`).join("\n")}`,
    );
  return 0;
}

// A panic inside the WebAssembly engine escapes as an uncaught "RuntimeError: unreachable".
process.on("uncaughtException", (error) => {
  const panic = takePanicMessage();
  console.error(
    `db:migrate failed: ${panic ? `schema engine panicked: ${panic}` : (error.stack ?? error.message)}`,
  );
  process.exit(1);
});

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error("db:migrate failed:", error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
