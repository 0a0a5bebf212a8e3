// The newcomer's path: `npm start` without DATABASE_URL (scripts/start.ts: embedded PGlite,
// migrations, demo accounts and demo data, then `next start`), sign in through the form, and find
// work waiting. Runs its own server on a free port with a fresh data dir; the suite's server is unused.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../lib/demo/demo-accounts";
import { buildIsStale } from "../scripts/support/build-if-stale";

test.describe.configure({ mode: "serial" });

let server: ChildProcess | null = null;
let dataDir = "";
let baseURL = "";
let output = "";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

async function waitForHealth(ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (server?.exitCode !== null)
      throw new Error(`scripts/start.ts exited (${server?.exitCode}):\n${output.slice(-4000)}`);
    const status = await fetch(`${baseURL}/api/health`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    await sleep(500);
  }
  throw new Error(`/api/health did not answer 200 within ${ms / 1000} s:\n${output.slice(-4000)}`);
}

test.beforeAll(async () => {
  test.setTimeout(150_000);
  // start.ts would otherwise rebuild the dist dir the suite's own server is serving.
  expect(
    buildIsStale(),
    "The production build is older than the sources: run `next build` before this spec",
  ).toBe(false);
  const port = await freePort();
  baseURL = `http://127.0.0.1:${port}`;
  dataDir = mkdtempSync(path.join(tmpdir(), "clinreview-demo-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    NEXTAUTH_URL: baseURL,
    CLINREVIEW_DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
  };
  for (const k of ["DATABASE_URL", "NEXTAUTH_SECRET", "EMBEDDED_DB_PORT", "CLINREVIEW_EMBEDDED"])
    delete env[k];
  // Its own process group, so a server that ignores SIGTERM can still be killed whole.
  server = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/start.ts"], {
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (d: Buffer) => (output = (output + d.toString()).slice(-20_000));
  server.stdout?.on("data", keep);
  server.stderr?.on("data", keep);
  await waitForHealth(90_000);
});

test.afterAll(async () => {
  test.setTimeout(60_000);
  const runningFile = path.join(dataDir, "embedded.json");
  const running = existsSync(runningFile)
    ? (JSON.parse(readFileSync(runningFile, "utf8")) as { port: number })
    : null;
  let stopped = true;
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server?.once("exit", r));
    server.kill("SIGTERM");
    stopped = await Promise.race([exited.then(() => true), sleep(30_000).then(() => false)]);
  }
  // Whatever is left of its process group (nothing, when it stopped cleanly).
  try {
    if (server?.pid) process.kill(-server.pid, "SIGKILL");
  } catch {
    // ESRCH: the group is gone.
  }
  const dbStillListening = running ? await accepts(running.port) : false;
  const runningFileLeft = existsSync(runningFile);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  expect(stopped, `scripts/start.ts did not stop on SIGTERM:\n${output.slice(-2000)}`).toBe(true);
  // The embedded database stopped with it: its port is closed and its running-file removed.
  expect(dbStillListening).toBe(false);
  expect(runningFileLeft).toBe(false);
});

test("a newcomer signs in with a demo account and finds seeds, an audit campaign and a study waiting", async ({
  page,
}) => {
  await page.goto(`${baseURL}/signin`);
  await expect(page.getByRole("note")).toContainText("Demo mode");
  const accounts = page.getByRole("list", { name: "Demo accounts" });
  for (const a of DEMO_ACCOUNTS) await expect(accounts).toContainText(`${a.email} / ${a.password}`);

  const clinician = DEMO_ACCOUNTS.find((a) => a.role === "CLINICIAN");
  if (!clinician) throw new Error("no demo clinician");
  await page.getByLabel("E-mail").fill(clinician.email);
  await page.getByLabel("Password").fill(clinician.password);
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page.getByRole("heading", { name: `Welcome, ${clinician.name}` })).toBeVisible();
  await expect(page.getByRole("note")).toContainText("Demo mode");
  await expect(page.getByRole("link", { name: "2 your drafts" })).toBeVisible();
  await expect(page.getByRole("link", { name: "1 returned to you for changes" })).toBeVisible();
  await expect(page.getByRole("link", { name: "2 awaiting your review" })).toBeVisible();
  const queues = page.getByTestId("home-queue");
  await expect(queues.filter({ hasText: "Demo audit: generated medical Q&A" })).toContainText(
    "10 items left for you · 0 done",
  );
  // The clinician sees the study's title, not its internal name.
  await expect(queues.filter({ hasText: "Answers to patient questions" })).toContainText(
    "10 comparisons left for you · 0 done",
  );
  await expect(queues.filter({ hasText: "Demo: answers" })).toHaveCount(0);

  // The colleague's submitted seeds are there to review.
  await page.getByRole("link", { name: "2 awaiting your review" }).click();
  await expect(page.getByText("Rewrite these medication instructions").first()).toBeVisible();
});

test("an admin downloads the demo campaign's curated export from the embedded database", async ({ page }) => {
  // The export reads its windows as binary COPY (lib/db/copy-out.ts), through the embedded
  // database's wire server here, and stores its chunks without lz4 (PGlite has none).
  const admin = DEMO_ACCOUNTS.find((a) => a.role === "ADMIN");
  if (!admin) throw new Error("no demo admin");
  await page.goto(`${baseURL}/signin`);
  await page.getByLabel("E-mail").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: `Welcome, ${admin.name}` })).toBeVisible();
  await page.goto(`${baseURL}/audits`);
  await page
    .getByTestId("campaign-row")
    .filter({ hasText: "Demo audit: generated medical Q&A" })
    .getByRole("link", { name: "Report" })
    .click();
  await expect(page).toHaveURL(/\/audits\/[0-9a-f-]{36}/);
  const id = /\/audits\/([0-9a-f-]{36})/.exec(page.url())?.[1];
  const exported = await page.request.get(`${baseURL}/api/v1/audits/${id}/export`);
  expect(exported.status()).toBe(200);
  const text = await exported.text();
  const lines = text.split("\n").filter(Boolean);
  for (const line of lines) expect(JSON.parse(line)).toHaveProperty("audit.campaign", id);
  const manifest = await page.request.get(`${baseURL}/api/v1/exports/${exported.headers()["x-export-id"]}`);
  expect(manifest.status()).toBe(200);
  expect(await manifest.json()).toMatchObject({
    export: { rows: lines.length, bytes: Buffer.byteLength(text) },
    source: { type: "audit_campaign", id },
  });
  const again = await page.request.get(`${baseURL}/api/v1/exports/${exported.headers()["x-export-id"]}/file`);
  expect(await again.text()).toBe(text);
});
