import { expect, test, type Page } from "@playwright/test";
import { createUser } from "./support/db";
import { signInViaApi } from "./support/auth";

/** Every response of a page load that answered 4xx or 5xx (a missing favicon is one on every page). */
function failedRequests(page: Page): string[] {
  const failed: string[] = [];
  page.on("response", (res) => {
    if (res.status() >= 400) failed.push(`${res.status()} ${new URL(res.url()).pathname}`);
  });
  return failed;
}

test("the favicon, icons and manifest are served from public/, to anyone", async ({ request }) => {
  for (const [path, type] of [
    ["/favicon.ico", "image/"],
    ["/icon.svg", "image/svg+xml"],
    ["/apple-touch-icon.png", "image/png"],
    ["/icon-192.png", "image/png"],
    ["/manifest.webmanifest", "manifest"],
  ] as const) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    expect(res.headers()["content-type"], path).toContain(type);
  }
});

test("sign-in and home load without a single failed request, and link the icons", async ({ page }) => {
  const failed = failedRequests(page);
  await page.goto("/signin");
  await page.waitForLoadState("networkidle");
  await expect(page.locator('link[rel="icon"]').first()).toHaveAttribute("href", /favicon\.ico|icon\.svg/);
  const clinician = await createUser("CLINICIAN");
  await signInViaApi(page.request, clinician.email);
  await page.goto("/");
  await page.waitForLoadState("networkidle");
  expect(failed).toEqual([]);
});

test("a page outside one's role answers 403 inside the app shell, at its own address", async ({ page }) => {
  const clinician = await createUser("CLINICIAN");
  await signInViaApi(page.request, clinician.email);
  const res = await page.goto("/admin/users");
  expect(res?.status()).toBe(403);
  expect(new URL(page.url()).pathname).toBe("/admin/users");
  await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  // The shell stays: the clinician can go on to their own work from here.
  await expect(
    page.getByRole("link", { name: "Sign out" }).or(page.getByRole("button", { name: "Sign out" })),
  ).toBeVisible();
  await expect(page).toHaveTitle(/Not permitted/);
});
