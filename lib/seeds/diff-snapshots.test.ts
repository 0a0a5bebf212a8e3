import { describe, expect, it } from "vitest";
import { diffSnapshots } from "./diff-snapshots";
import { readSnapshot } from "./seed-snapshot";

describe("diffSnapshots", () => {
  it("lists only the changed fields, old snapshots reading missing fields as empty", () => {
    const a = readSnapshot({ instruction: "Explain angina", topic: "Cardiology", specialtyTags: ["cardio"] });
    const b = { ...a, instruction: "Explain stable angina", specialtyTags: ["cardio", "gp"] };
    expect(diffSnapshots(a, b)).toEqual([
      { field: "instruction", before: "Explain angina", after: "Explain stable angina" },
      { field: "specialtyTags", before: ["cardio"], after: ["cardio", "gp"] },
    ]);
    expect(diffSnapshots(a, a)).toEqual([]);
    expect(a.input).toBe("");
  });
});
