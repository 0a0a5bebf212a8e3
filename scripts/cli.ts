// `npm run cli -- <command>`: operator commands. Runs with the react-server condition so it can use
// the app's own services (and their audit trail) rather than a second copy of the logic.
import { parseArgs } from "node:util";
import { openToolingDatabase } from "./support/tooling-db";

const USAGE = `Usage:
  npm run cli -- user:create --email E --role admin|clinician|researcher [--name N] --password-stdin
  npm run cli -- token:create --email E --name N [--expires-days D]
  npm run cli -- backup <file>
  npm run cli -- restore <file> [--force]   (--force replaces a non-empty database)
  npm run cli -- db:repair [--apply]        (rows the integrity migration refuses; a dry run without --apply)`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

async function withDb<T>(fn: () => Promise<T>): Promise<T> {
  const tooling = await openToolingDatabase();
  process.env.DATABASE_URL = tooling.url;
  process.env.NEXTAUTH_SECRET ??= "cli-does-not-sign-sessions";
  process.env.LOG_LEVEL ??= "warn";
  const { db } = await import("../lib/db/prisma");
  try {
    return await fn();
  } finally {
    await db().$disconnect();
    await tooling.stop();
  }
}

async function userCreate(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: "string" },
      role: { type: "string" },
      name: { type: "string" },
      "password-stdin": { type: "boolean" },
    },
  });
  if (!values.email || !values.role || !values["password-stdin"]) throw new Error(USAGE);
  const { ZEmail, ZPassword, ZRole } = await import("../lib/auth/schemas");
  const email = ZEmail.safeParse(values.email);
  if (!email.success) throw new Error(`--email: ${email.error.issues[0]?.message ?? "invalid"}`);
  const role = ZRole.safeParse(values.role.toUpperCase());
  if (!role.success) throw new Error("--role must be admin, clinician or researcher");
  const password = ZPassword.safeParse(await readStdin());
  if (!password.success) throw new Error(`Password: ${password.error.issues[0]?.message ?? "invalid"}`);
  await withDb(async () => {
    const { db } = await import("../lib/db/prisma");
    const { createUserWithPassword } = await import("../lib/users/create-user");
    const u = await db().$transaction((tx) =>
      createUserWithPassword(tx, {
        email: email.data,
        role: role.data,
        name: values.name ?? email.data.split("@")[0] ?? email.data,
        password: password.data,
      }),
    );
    console.log(`Created ${role.data.toLowerCase()} ${email.data} (${u.id})`);
  });
}

async function tokenCreate(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { email: { type: "string" }, name: { type: "string" }, "expires-days": { type: "string" } },
  });
  if (!values.email || !values.name) throw new Error(USAGE);
  const days = values["expires-days"] ? Number(values["expires-days"]) : 0;
  if (!Number.isInteger(days) || days < 0)
    throw new Error("--expires-days takes a whole number of days (0 = never)");
  await withDb(async () => {
    const { db } = await import("../lib/db/prisma");
    const { insertApiToken } = await import("../lib/auth/api-tokens");
    const { recordAudit } = await import("../lib/audit/record-audit");
    const email = values.email?.toLowerCase() ?? "";
    const user = await db().user.findUnique({ where: { email } });
    if (!user || user.status !== "ACTIVE") throw new Error(`No active user with e-mail ${email}`);
    const expiresAt = days > 0 ? new Date(Date.now() + days * 86_400_000) : null;
    const t = await db().$transaction(async (tx) => {
      const created = await insertApiToken(tx, user.id, values.name ?? "cli", expiresAt);
      await recordAudit(tx, null, {
        actorId: user.id,
        action: "token.create_cli",
        entityType: "api_token",
        entityId: created.id,
        after: { name: values.name ?? "", prefix: created.prefix },
      });
      return created;
    });
    // The only output on stdout, so scripts can capture it: TOKEN=$(npm run -s cli -- token:create …)
    process.stdout.write(`${t.token}\n`);
  });
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  switch (command) {
    case "user:create":
      return userCreate(rest);
    case "token:create":
      return tokenCreate(rest);
    case "backup":
      return (await import("./support/backup")).backupCommand(rest);
    case "restore":
      return (await import("./support/backup")).restoreCommand(rest);
    case "db:repair":
      return withDb(async () => (await import("./support/db-repair")).dbRepairCommand(rest));
    default:
      throw new Error(USAGE);
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (err: unknown) => {
    const msg = err instanceof Error ? err.message : String(err);
    console.error(msg.startsWith("Usage") ? msg : `Error: ${msg}`);
    process.exit(1);
  },
);
