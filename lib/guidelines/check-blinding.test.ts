import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { checkGuidelinesBlinding } from "./check-blinding";

const refusal = (f: () => void): AppError | null => {
  try {
    f();
    return null;
  } catch (e) {
    return e instanceof AppError ? e : null;
  }
};

describe("guidelines blinding", () => {
  it("refuses guidelines or a definition that name a model of the study, on that field", () => {
    const e = refusal(() =>
      checkGuidelinesBlinding(
        [
          { field: "guidelines", text: "Prefer the answer a GPT-4 would give." },
          { field: "definitions.correctness", text: "Medically right." },
          { field: "definitions.helpfulness", text: "Better than alpaca-7b's usual answer" },
        ],
        ["gpt-4", "alpaca-7b"],
      ),
    );
    expect(e?.status).toBe(422);
    expect(Object.keys(e?.fieldErrors ?? {})).toEqual(["guidelines", "definitions.helpfulness"]);
    expect(e?.fieldErrors?.guidelines?.[0]).toContain("gpt-4");
  });

  it("lets neutral guidelines through", () => {
    expect(
      refusal(() =>
        checkGuidelinesBlinding(
          [{ field: "guidelines", text: "Read both responses in full. **Medication** doses matter." }],
          ["med-llama", "alpaca-7b"],
        ),
      ),
    ).toBeNull();
  });
});
