// Self-service password reset against a fake SMTP server: the link is read from the delivered mail.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { acceptAccountLink } from "@/lib/users/accept-account-link";
import {
  RESET_LIMITS,
  RESET_REQUESTED_MESSAGE,
  requestPasswordReset,
} from "@/lib/users/request-password-reset";
import { resetDatabase } from "../support/db";
import { ctx, makeUser } from "../support/factories";
import { startFakeSmtp, type TFakeSmtp } from "../support/fake-smtp";

const BASE = "http://clinreview.test";
let smtp: TFakeSmtp;

beforeAll(async () => {
  smtp = await startFakeSmtp();
  // Before the first env() read of this file's process, which caches it.
  process.env.SMTP_URL = smtp.url;
});
beforeEach(async () => {
  await resetDatabase();
  smtp.messages.length = 0;
});
afterAll(async () => {
  await db().$disconnect();
  await smtp.stop();
});

const linkIn = (text: string) =>
  /http:\/\/clinreview\.test\/reset-password\/([A-Za-z0-9_-]+)/.exec(text)?.[1];

describe("requestPasswordReset", () => {
  it("answers the same for known and unknown addresses, mails only the account holder, and the link resets the password", async () => {
    const user = await makeUser("CLINICIAN");
    const known = await requestPasswordReset({ email: user.email }, ctx("10.1.0.1"), BASE);
    const unknown = await requestPasswordReset({ email: "nobody@int.test" }, ctx("10.1.0.1"), BASE);
    expect(known).toEqual({ message: RESET_REQUESTED_MESSAGE });
    expect(unknown).toEqual(known);

    const mail = await smtp.waitFor(user.email);
    const token = linkIn(mail.text);
    expect(token).toBeTruthy();
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.messages.map((m) => m.to).flat()).toEqual([user.email]);

    await acceptAccountLink({ token: token ?? "", password: "a brand new password" }, ctx());
    expect(
      (await signInWithPassword({ email: user.email, password: "a brand new password" }, ctx())).ok,
    ).toBe(true);
    await expect(
      acceptAccountLink({ token: token ?? "", password: "another new password" }, ctx()),
    ).rejects.toMatchObject({ code: "GONE" });

    const audits = await db().auditLog.findMany({
      where: { action: "user.reset_requested" },
      orderBy: { id: "asc" },
    });
    expect(audits.map((a) => a.after)).toEqual([{ accountFound: true }, { accountFound: false }]);
    expect(audits[0]?.entityId).toBe(user.id);
  });

  it("sends nothing to a disabled account", async () => {
    const user = await makeUser("RESEARCHER", { status: "DISABLED" });
    expect(await requestPasswordReset({ email: user.email }, ctx(), BASE)).toEqual({
      message: RESET_REQUESTED_MESSAGE,
    });
    await expect(smtp.waitFor(user.email, 500)).rejects.toThrow(/No mail/);
    expect(await db().accountLink.count()).toBe(0);
  });

  it("is rate-limited per address and per IP, without locking the account's sign-in", async () => {
    const user = await makeUser("CLINICIAN");
    for (let i = 0; i < RESET_LIMITS.perEmail; i++)
      await requestPasswordReset({ email: user.email }, ctx(`10.2.0.${i}`), BASE);
    await expect(requestPasswordReset({ email: user.email }, ctx("10.2.1.1"), BASE)).rejects.toMatchObject({
      code: "RATE_LIMITED",
    });
    expect(await db().auditLog.count({ where: { action: "user.reset_throttled" } })).toBe(1);
    expect(
      (
        await signInWithPassword(
          { email: user.email, password: "correct horse battery staple" },
          ctx("10.2.0.0"),
        )
      ).ok,
    ).toBe(true);

    for (let i = 0; i < RESET_LIMITS.perIp; i++)
      await requestPasswordReset({ email: `probe${i}@int.test` }, ctx("10.3.0.1"), BASE);
    await expect(
      requestPasswordReset({ email: "probe-last@int.test" }, ctx("10.3.0.1"), BASE),
    ).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect(await requestPasswordReset({ email: "probe-last@int.test" }, ctx("10.3.0.2"), BASE)).toEqual({
      message: RESET_REQUESTED_MESSAGE,
    });
    expect(await db().loginFailure.count({ where: { key: { startsWith: "reset:" } } })).toBeGreaterThan(0);
    expect(await db().loginFailure.count({ where: { NOT: { key: { startsWith: "reset:" } } } })).toBe(0);
  });
});
