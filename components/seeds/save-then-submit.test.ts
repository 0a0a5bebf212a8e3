import { describe, expect, it, vi } from "vitest";
import { saveThenSubmit, type TSaved } from "./save-then-submit";

const ID = "0b6f3f56-5a8e-4a39-9d0e-3b7f1c2a9e10";

describe("saveThenSubmit", () => {
  it("saves a never-saved seed, then submits it under the id and version the save returned", async () => {
    const save = vi.fn(() => Promise.resolve<TSaved>({ id: ID, version: 1 }));
    const submit = vi.fn((s: TSaved) => Promise.resolve(s));
    expect(await saveThenSubmit({ id: undefined, version: 0, dirty: false }, save, submit)).toEqual({
      id: ID,
      version: 1,
    });
    expect(save).toHaveBeenCalledOnce();
    expect(submit).toHaveBeenCalledWith({ id: ID, version: 1 });
  });

  it("saves unsaved edits first and submits the new version", async () => {
    const save = vi.fn(() => Promise.resolve<TSaved>({ id: ID, version: 4 }));
    const submit = vi.fn((s: TSaved) => Promise.resolve(s.version));
    expect(await saveThenSubmit({ id: ID, version: 3, dirty: true }, save, submit)).toBe(4);
  });

  it("submits a clean saved seed as it is, and nothing when the save failed", async () => {
    const submit = vi.fn((s: TSaved) => Promise.resolve(s.version));
    const save = vi.fn(() => Promise.resolve(null));
    expect(await saveThenSubmit({ id: ID, version: 3, dirty: false }, save, submit)).toBe(3);
    expect(save).not.toHaveBeenCalled();
    expect(await saveThenSubmit({ id: undefined, version: 0, dirty: true }, save, submit)).toBeNull();
    expect(submit).toHaveBeenCalledOnce();
  });
});
