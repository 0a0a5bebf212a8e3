// Production start-up guards (lib/boot): CLINREVIEW_EMBEDDED=1 cannot switch them off next to a
// real database, and a database unreachable at boot is checked as soon as it answers.
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/prisma";
import { startEmbeddedPostgres } from "@/scripts/support/embedded-postgres";
import { env, type TEnv } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { ensureBootChecked, resetBootGate, runBootChecks } from "@/lib/boot/boot-gate";
import { checkProductionBoot, isEmbeddedDatabase } from "@/lib/boot/check-production";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { resetDatabase, testDatabaseUrl } from "../support/db";
import { ctx, makeUser, PASSWORD } from "../support/factories";

beforeEach(async () => {
  await resetDatabase();
});
afterEach(() => {
  resetBootGate();
});
afterAll(async () => {
  await db().$disconnect();
});

const production = (over: Partial<TEnv> = {}): TEnv => ({
  ...env(),
  NEXTAUTH_SECRET: "p".repeat(40),
  NEXTAUTH_URL: "https://clinreview.hospital.test",
  CLINREVIEW_EMBEDDED: false,
  ...over,
});

async function demoAccount() {
  const u = await makeUser("CLINICIAN");
  await db().user.update({ where: { id: u.id }, data: { isDemo: true } });
  return u;
}

describe("production boot checks", () => {
  it("apply with CLINREVIEW_EMBEDDED=1 when DATABASE_URL is a real PostgreSQL (even on localhost)", async () => {
    await demoAccount();
    expect(await checkProductionBoot(production())).toEqual([expect.stringMatching(/^1 demo account/)]);
    expect(await checkProductionBoot(production({ CLINREVIEW_EMBEDDED: true }))).toEqual([
      expect.stringMatching(/^1 demo account/),
    ]);
    const misconfigured = await checkProductionBoot(
      production({ CLINREVIEW_EMBEDDED: true, NEXTAUTH_SECRET: "short", NEXTAUTH_URL: undefined }),
    );
    expect(misconfigured).toEqual([
      expect.stringMatching(/NEXTAUTH_SECRET/),
      expect.stringMatching(/NEXTAUTH_URL must be set/),
      expect.stringMatching(/demo account/),
    ]);
    expect(await isEmbeddedDatabase(testDatabaseUrl(), db())).toBe(false);
  });

  it("refuse a production start without NEXTAUTH_URL before touching the database", async () => {
    expect(await checkProductionBoot(production({ NEXTAUTH_URL: undefined }))).toEqual([
      expect.stringMatching(/NEXTAUTH_URL must be set/),
    ]);
  });

  it("recognise the embedded demo database itself (PGlite on a loopback port), which may hold demo accounts", async () => {
    const pg = await startEmbeddedPostgres();
    const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: pg.url }) });
    try {
      expect(await isEmbeddedDatabase(pg.url, client)).toBe(true);
      expect(
        await checkProductionBoot(
          production({ CLINREVIEW_EMBEDDED: true, DATABASE_URL: pg.url, NEXTAUTH_URL: undefined }),
          client,
        ),
      ).toEqual([]);
    } finally {
      await client.$disconnect();
      await pg.stop();
    }
  });

  it("when the database is unreachable at boot: nobody signs in until they pass, and demo accounts found later refuse", async () => {
    const user = await makeUser("CLINICIAN");
    const refuse = vi.fn();
    let reachable = false;
    const check = () =>
      reachable ? checkProductionBoot(production()) : Promise.reject(new Error("connect ECONNREFUSED"));
    expect((await runBootChecks({ check, refuse, retryMs: 60_000 })).outcome).toBe("unreachable");
    await expect(signInWithPassword({ email: user.email, password: PASSWORD }, ctx())).rejects.toThrow(
      /start-up checks have not passed/,
    );

    reachable = true;
    await demoAccount();
    await expect(signInWithPassword({ email: user.email, password: PASSWORD }, ctx())).rejects.toThrow(
      /start-up checks have not passed/,
    );
    expect(refuse).toHaveBeenCalledWith([expect.stringMatching(/^1 demo account/)]);
    expect(await db().session.count()).toBe(0);
  });

  it("when the database comes back clean, the checks pass once and sign-in works", async () => {
    const user = await makeUser("CLINICIAN");
    let reachable = false;
    const check = () =>
      reachable ? checkProductionBoot(production()) : Promise.reject(new Error("connect ECONNREFUSED"));
    await runBootChecks({ check, refuse: vi.fn(), retryMs: 60_000 });
    reachable = true;
    expect((await signInWithPassword({ email: user.email, password: PASSWORD }, ctx())).ok).toBe(true);
    await expect(ensureBootChecked()).resolves.toBeUndefined();
  });
});
