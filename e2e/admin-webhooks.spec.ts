// The admin's webhook screen (issue 17 item 3) end to end: register a receiver (the secret shown
// once), a refused host as a field error, "Send test" delivered by the server's own worker, signed
// with that secret, and the delivery log; axe on the screen, and no sideways scroll at 375 px.
import { createHmac } from "node:crypto";
import http from "node:http";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signInViaApi } from "./support/auth";
import { createUser, testDb } from "./support/db";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
// playwright.config.ts allows exactly this receiver (WEBHOOK_ALLOWED_HOSTS).
const RECEIVER_PORT = Number(process.env.E2E_PORT ?? 3100) + 1000;
type TGot = { headers: http.IncomingHttpHeaders; body: string };
const received: TGot[] = [];
let server: http.Server;

test.beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(200).end("thanks");
    });
  });
  await new Promise<void>((r) => server.listen(RECEIVER_PORT, "127.0.0.1", r));
  await testDb().webhookEndpoint.deleteMany({});
});
test.afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
});

async function axe(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

test("an admin registers a receiver, sends a signed test and reads the delivery log, at 375 px too", async ({
  browser,
}) => {
  const admin = await createUser("ADMIN");
  const page = await (await browser.newContext({ viewport: { width: 375, height: 812 } })).newPage();
  await signInViaApi(page.request, admin.email);
  await page.goto("/admin/webhooks");
  await expect(page.getByRole("heading", { name: "Webhooks" })).toBeVisible();
  await expect(page.getByText(`Allowed hosts: 127.0.0.1:${RECEIVER_PORT}`)).toBeVisible();
  await axe(page);

  // A host the operator did not allow: a field error, nothing registered.
  await page.getByLabel("Receiver URL").fill("https://evil.example/hook");
  await page.getByLabel(/Study closed/).check();
  await page.getByRole("button", { name: "Register endpoint" }).click();
  await expect(page.getByText(/is not in the allowed hosts/)).toBeVisible();
  expect(await testDb().webhookEndpoint.count()).toBe(0);

  await page.getByLabel("Receiver URL").fill(`http://127.0.0.1:${RECEIVER_PORT}/clinreview`);
  await page.getByRole("button", { name: "Register endpoint" }).click();
  const secret = (await page.getByTestId("webhook-secret").textContent())?.trim() ?? "";
  expect(secret).toMatch(/^whsec_/);
  const item = page.getByTestId("webhook-item");
  await expect(item).toHaveCount(1);
  await expect(item).toContainText("study.closed");

  await item.getByRole("button", { name: "Send test" }).click();
  await expect(item.getByText("Delivered")).toBeVisible({ timeout: 20_000 });
  await expect(item).toContainText("#1 ok · 200");
  expect(received).toHaveLength(1);
  const got = received[0]!;
  const ts = String(got.headers["clinreview-timestamp"]);
  const expected = createHmac("sha256", secret).update(`${ts}.${got.body}`).digest("hex");
  expect(got.headers["clinreview-signature"]).toBe(`sha256=${expected}`);
  expect(JSON.parse(got.body)).toMatchObject({
    type: "webhook.test",
    id: got.headers["clinreview-delivery"],
  });

  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await axe(page);

  await item.getByRole("button", { name: "Disable" }).click();
  await expect(item.getByRole("button", { name: "Enable" })).toBeVisible();
  await expect(item.getByRole("button", { name: "Send test" })).toBeDisabled();
  page.once("dialog", (d) => void d.accept());
  await item.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByText("No endpoint yet.")).toBeVisible();
  expect(
    await testDb().auditLog.count({ where: { actorId: admin.id, action: { startsWith: "webhook." } } }),
  ).toBe(4);
});
