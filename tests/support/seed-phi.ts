// Which records of an AlpaCare seed file an import holds for review (possible identifiers), found
// by the same detector the import uses: the real med_seed.json and its generated stand-in differ.
import { detectPhi } from "../../lib/phi";

export function heldRecordNumbers(source: readonly Record<string, string | undefined>[]): number[] {
  return source.flatMap((r, i) => {
    const input = r.input === "<noinput>" ? "" : (r.input ?? "");
    return detectPhi(r.instruction ?? "").length || detectPhi(input).length ? [i + 1] : [];
  });
}
