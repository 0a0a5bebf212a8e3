import { describe, expect, it } from "vitest";
import { ZCreateCampaign } from "@/lib/audits/schemas";
import { bodyResolver, errorsFor, PRECHECK } from "./body-resolver";

type TFields = { datasetId: string; amount: string; gold: string };
const OPTS = { fields: {}, shouldUseNativeValidation: false } as const;
const DATASET = "7f1c1d0e-5b7a-4c1e-9a59-3a2b9f0e4d11";
const resolve = bodyResolver(
  ZCreateCampaign,
  (v: TFields) => ({
    datasetId: v.datasetId,
    seed: "s",
    sampleSize: Number(v.amount),
    gold: v.gold ? [{ recordOrdinal: Number(v.gold), verdict: "accept" as const }] : [],
  }),
  (v) => (v.gold === "x" ? { gold: "Gold line 1 cannot be read" } : null),
);

describe("bodyResolver", () => {
  it("keys the schema's errors by body path, as the API keys its problem errors", async () => {
    const r = await resolve({ datasetId: "nope", amount: "0", gold: "0" }, undefined, OPTS);
    expect(Object.keys(r.errors).sort()).toEqual(["datasetId", "gold.0.recordOrdinal", "sampleSize"]);
    expect(r.errors.datasetId?.message).toBe("Choose a dataset");
    expect(errorsFor(r.errors, "gold")).toEqual(["Record numbers start at 1"]);
  });

  it("adds what the form could not read, typed apart, to what the schema found", async () => {
    const r = await resolve({ datasetId: DATASET, amount: "0", gold: "x" }, undefined, OPTS);
    expect(r.errors).toMatchObject({
      gold: { type: PRECHECK, message: "Gold line 1 cannot be read" },
      sampleSize: { type: "validate" },
    });
  });

  it("hands the submit handler the body as built when the schema accepts it", async () => {
    const r = await resolve({ datasetId: DATASET, amount: "3", gold: "" }, undefined, OPTS);
    expect(r).toEqual({ values: { datasetId: DATASET, seed: "s", sampleSize: 3, gold: [] }, errors: {} });
  });
});
