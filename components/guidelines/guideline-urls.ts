/** Every guideline URL the screens call (lib/guidelines/guideline-routes.ts). */
export type TGuidelineKind = "audit" | "study";

export function guidelineUrls(kind: TGuidelineKind, id: string) {
  const base = `/api/v1/${kind === "audit" ? "audits" : "studies"}/${encodeURIComponent(id)}/guidelines`;
  return { current: base, versions: `${base}/versions`, acknowledge: `${base}/acknowledgements` };
}

export const guidelineKeys = {
  rater: (kind: TGuidelineKind, id: string) => ["guidelines", kind, id, "rater"] as const,
  versions: (kind: TGuidelineKind, id: string) => ["guidelines", kind, id, "versions"] as const,
};
