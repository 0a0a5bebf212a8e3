// `npm start` (and this suite's server) keeps an idle keep-alive connection longer than the ~60 s a
// reverse proxy keeps its upstream ones, so the proxy closes first and never sends a request onto a
// connection the server is closing (ECONNRESET; once seen here from Playwright's request client,
// which reuses connections past the server's hint). scripts/support/keep-alive.ts holds the value.
import { Agent, get } from "node:http";
import { expect, test } from "@playwright/test";

function health(baseURL: string, agent: Agent): Promise<{ status: number; reused: boolean }> {
  return new Promise((resolve, reject) => {
    const req = get(new URL("/api/health", baseURL), { agent }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket }));
    });
    req.on("error", reject);
  });
}

test("an idle keep-alive connection stays open well past Node's 5 s default and serves the next request", async ({
  baseURL,
}) => {
  test.setTimeout(30_000);
  // One connection, kept however long it idles (no client-side timeout).
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    expect(await health(baseURL ?? "", agent)).toEqual({ status: 200, reused: false });
    await new Promise((r) => setTimeout(r, 7_000));
    // Had the server closed it at 5 s, the agent would have dropped it and opened a new one.
    expect(await health(baseURL ?? "", agent)).toEqual({ status: 200, reused: true });
  } finally {
    agent.destroy();
  }
});
