import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { componentSources, REPO_ROOT as ROOT } from "@/tests/support/component-sources";

// The data layer itself, and the one upload helper (fetch has no upload progress).
const MAY_CALL_THE_NETWORK = (path: string) =>
  path.startsWith("components/data/") || path === "components/ui/upload-with-progress.ts";

describe("one client data layer (CODE_STYLE.md)", () => {
  it("finds the component sources it guards", () => {
    expect(componentSources()).toContain("components/audits/create-campaign-form.tsx");
  });

  it("calls the network only through components/data (apiFetch, apiUpload)", () => {
    const offenders = componentSources()
      .filter((p) => !MAY_CALL_THE_NETWORK(p))
      .filter((p) => /\bfetch\s*\(|new\s+XMLHttpRequest\b/.test(readFileSync(join(ROOT, p), "utf8")));
    expect(offenders).toEqual([]);
  });
});
