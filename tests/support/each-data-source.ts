// Runs a block of tests on the generated stand-in of a real file and, where CLINREVIEW_REAL_DATA
// holds it, on the real file too; otherwise the real run is reported skipped, naming the variable.
import { describe, it } from "vitest";
import { realDataFile, realDataSkipReason } from "./real-data";
import { syntheticFile, type TRealDataName } from "./synthetic-data";

export type TDataSourceKind = "generated" | "real";

export function describeEachSource(
  name: TRealDataName,
  title: string,
  body: (file: string, kind: TDataSourceKind) => void,
): void {
  describe(`${title} [generated ${name}]`, () => body(syntheticFile(name), "generated"));
  const real = realDataFile(name);
  describe(`${title} [real ${name}]`, () => {
    if (real) body(real, "real");
    else it.skip(realDataSkipReason(name), () => undefined);
  });
}
