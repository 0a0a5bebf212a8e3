import { LICENCES } from "@/lib/exports/licences";

/** The licence choices of the dataset upload and the seed export ("" states none: "unknown"). */
export const LICENCE_OPTIONS = [
  { value: "", label: "Not stated" },
  ...LICENCES.map((l) => ({ value: l, label: l })),
];
