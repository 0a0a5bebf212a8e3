import { expect, type APIRequestContext } from "@playwright/test";
import { PASSWORD } from "./db";

/** Signs in through next-auth's own CSRF + credentials endpoints, as the sign-in form does. */
export async function signInViaApi(request: APIRequestContext, email: string, password = PASSWORD) {
  const csrf = await request.get("/api/auth/csrf");
  expect(csrf.ok()).toBeTruthy();
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true", callbackUrl: "/" },
    maxRedirects: 0,
  });
  return res;
}

export async function expectSignedIn(request: APIRequestContext, email: string) {
  const me = await request.get("/api/v1/me");
  expect(me.status()).toBe(200);
  expect(((await me.json()) as { email: string }).email).toBe(email);
}
