import { AppError, APP_ERRORS } from "@/lib/errors/app-error";
import type { TWrittenFinding } from "@/lib/phi/written-findings";

/** The problem type of a write refused until its author confirms the findings are not PHI. */
export const PHI_FINDINGS_TYPE = APP_ERRORS.PHI_FINDINGS.type;

/** What a 422 names of each finding: where it is and what kind, never the text (nor its fingerprint). */
export type TPhiFindingRef = Pick<TWrittenFinding, "field" | "kind" | "start" | "end">;

/**
 * The 422 of a write whose text has findings. `confirmable: false` says that phiConfirmed will not
 * let it through either (the text must change).
 */
export function phiFindingsError(
  findings: readonly TWrittenFinding[],
  opts: { message?: string; confirmable?: boolean; fieldErrors?: Record<string, string[]> } = {},
): AppError {
  const confirmable = opts.confirmable ?? true;
  return new AppError(
    "PHI_FINDINGS",
    opts.message ??
      "The text may name a patient. Remove the identifiers, or confirm they are not PHI and send it again with phiConfirmed: true.",
    {
      fieldErrors: opts.fieldErrors,
      extra: {
        confirmable,
        findings: findings.map(({ field, kind, start, end }): TPhiFindingRef => ({
          field,
          kind,
          start,
          end,
        })),
      },
    },
  );
}
