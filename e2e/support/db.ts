// Direct database access for tests that seed their own data. Tests never import app services:
// those are server-only and would make the tests depend on what they test.
import { randomBytes, createHash } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../lib/generated/prisma/client";
import type { Role } from "../../lib/generated/prisma/enums";

let client: PrismaClient | undefined;

export function testDb(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: run the e2e tier through `npm run test:e2e`.");
  client ??= new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  return client;
}

export const PASSWORD = "correct horse battery staple";

export async function createUser(
  role: Role,
  opts: { email?: string; name?: string; password?: string } = {},
) {
  const suffix = randomBytes(4).toString("hex");
  const email = opts.email ?? `${role.toLowerCase()}-${suffix}@e2e.test`;
  return testDb().user.create({
    data: {
      email,
      name: opts.name ?? `${role[0]}${role.slice(1).toLowerCase()} ${suffix}`,
      role,
      passwordHash: await hash(opts.password ?? PASSWORD, {
        memoryCost: 19_456,
        timeCost: 2,
        parallelism: 1,
      }),
      pseudonym: `R-${suffix}`,
    },
  });
}

export async function createToken(userId: string, opts: { expiresAt?: Date } = {}) {
  const token = `crv_${randomBytes(32).toString("base64url")}`;
  const row = await testDb().apiToken.create({
    data: {
      userId,
      name: "e2e",
      prefix: token.slice(0, 10),
      tokenHash: createHash("sha256").update(token).digest("hex"),
      expiresAt: opts.expiresAt ?? null,
    },
  });
  return { token, id: row.id };
}
