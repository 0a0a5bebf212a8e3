import { expect, it } from "vitest";
import { productionRefusals } from "./production-guards";

it("refuses a missing or short secret and demo accounts, but not in embedded mode", () => {
  const good = "x".repeat(32);
  expect(productionRefusals({ embedded: false, secret: good, demoAccounts: 0 })).toEqual([]);
  expect(productionRefusals({ embedded: false, secret: undefined, demoAccounts: 0 })).toHaveLength(1);
  expect(productionRefusals({ embedded: false, secret: "short", demoAccounts: 0 })[0]).toMatch(/at least 32/);
  expect(productionRefusals({ embedded: false, secret: good, demoAccounts: 3 })[0]).toMatch(/3 demo account/);
  expect(productionRefusals({ embedded: true, secret: undefined, demoAccounts: 4 })).toEqual([]);
});
