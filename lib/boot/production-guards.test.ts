import { expect, it } from "vitest";
import { productionRefusals } from "./production-guards";

const good = {
  embedded: false,
  secret: "x".repeat(32),
  publicUrl: "https://clinreview.example.org",
  demoAccounts: 0,
};

it("refuses a missing or short secret and demo accounts, but not in (verified) embedded mode", () => {
  expect(productionRefusals(good)).toEqual([]);
  expect(productionRefusals({ ...good, secret: undefined })).toHaveLength(1);
  expect(productionRefusals({ ...good, secret: "short" })[0]).toMatch(/at least 32/);
  expect(productionRefusals({ ...good, demoAccounts: 3 })[0]).toMatch(/3 demo account/);
  expect(
    productionRefusals({ embedded: true, secret: undefined, publicUrl: undefined, demoAccounts: 4 }),
  ).toEqual([]);
});

it("refuses to start without NEXTAUTH_URL, so links are never built from a forgeable Host header", () => {
  const reasons = productionRefusals({ ...good, publicUrl: undefined });
  expect(reasons).toHaveLength(1);
  expect(reasons[0]).toMatch(/NEXTAUTH_URL must be set/);
});
