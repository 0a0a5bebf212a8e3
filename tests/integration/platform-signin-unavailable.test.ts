// Sign-in while the database is unreachable: next-auth puts a thrown error's message into the
// address bar (?error=…), so the driver's message, with the database's host and port, must never
// be what is thrown.
import { describe, expect, it, vi } from "vitest";

vi.mock("@/lib/auth/sign-in-with-password", () => ({
  signInWithPassword: () => Promise.reject(new Error("connect ECONNREFUSED 10.20.30.40:5432")),
}));

import { authOptions, SIGN_IN_UNAVAILABLE } from "@/lib/auth/auth-options";

type TAuthorize = (
  credentials: Record<string, string>,
  req: { headers: Record<string, string> },
) => Promise<unknown>;

describe("sign-in with the database down", () => {
  it("fails with our own code, not the driver's message", async () => {
    const provider = authOptions().providers.find((p) => p.id === "credentials") as unknown as {
      options: { authorize: TAuthorize };
    };
    const attempt = provider.options.authorize({ email: "a@b.test", password: "x" }, { headers: {} });
    await expect(attempt).rejects.toThrow(SIGN_IN_UNAVAILABLE);
    await expect(attempt).rejects.not.toThrow(/10\.20\.30\.40|5432|ECONNREFUSED/);
  });
});
