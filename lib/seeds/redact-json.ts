import { redactAll } from "@/lib/phi";
import { mapJsonStrings, type TJson } from "@/lib/phi/map-json-strings";

/** Every string inside a JSON value with the literals replaced; reports whether anything changed. */
export function redactJson(value: unknown, literals: readonly string[]): { value: TJson; changed: boolean } {
  return mapJsonStrings(value, (s) => redactAll(s, literals));
}
