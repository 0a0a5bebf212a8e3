import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { afterAll, beforeEach, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { verifyPassword } from "@/lib/auth/password";
import { resetDatabase } from "../support/db";

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

function cli(args: string[], stdin = "") {
  const r = spawnSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "scripts/cli.ts", ...args],
    {
      input: stdin,
      encoding: "utf8",
      env: { ...process.env, LOG_LEVEL: "silent" },
      timeout: 60_000,
    },
  );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

it("user:create reads the password from stdin and records the creation; token:create prints only a working token", async () => {
  const created = cli(
    ["user:create", "--email", "Ops@Int.test", "--role", "admin", "--name", "Ops Person", "--password-stdin"],
    "a-long-operator-password\n",
  );
  expect(created.stderr).toBe("");
  expect(created.code).toBe(0);
  const user = await db().user.findUniqueOrThrow({ where: { email: "ops@int.test" } });
  expect(user.role).toBe("ADMIN");
  expect(await verifyPassword(user.passwordHash, "a-long-operator-password")).toBe(true);
  expect(await db().auditLog.count({ where: { action: "user.create_cli", entityId: user.id } })).toBe(1);

  const token = cli([
    "token:create",
    "--email",
    "ops@int.test",
    "--name",
    "pipeline",
    "--expires-days",
    "30",
  ]);
  expect(token.code).toBe(0);
  const printed = token.stdout.trim();
  expect(printed).toMatch(/^crv_[A-Za-z0-9_-]{43}$/);
  const row = await db().apiToken.findUniqueOrThrow({
    where: { tokenHash: createHash("sha256").update(printed).digest("hex") },
  });
  expect(row.userId).toBe(user.id);
  expect(row.expiresAt?.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
});

it("refuses bad input with a clear message and changes nothing", async () => {
  const shortPassword = cli(
    ["user:create", "--email", "x@int.test", "--role", "admin", "--password-stdin"],
    "short\n",
  );
  expect(shortPassword.code).toBe(1);
  expect(shortPassword.stderr).toContain("Use at least 12 characters");
  const badRole = cli(
    ["user:create", "--email", "x@int.test", "--role", "wizard", "--password-stdin"],
    "long-enough-password\n",
  );
  expect(badRole.stderr).toContain("--role must be admin, clinician or researcher");
  const unknown = cli(["token:create", "--email", "nobody@int.test", "--name", "n"]);
  expect(unknown.code).toBe(1);
  expect(unknown.stderr).toContain("No active user");
  expect(cli(["frobnicate"]).stderr).toContain("Usage:");
  expect(await db().user.count()).toBe(0);
  expect(await db().apiToken.count()).toBe(0);
});
