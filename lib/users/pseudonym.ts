import { randomBytes } from "node:crypto";

/** Stable, meaningless rater label used in downloads instead of names. */
export function newPseudonym(): string {
  return `R-${randomBytes(4).toString("hex")}`;
}
