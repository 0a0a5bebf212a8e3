export type TVerdict = "accept" | "reject" | "revise";

/** Each verdict's words and its key, as the review screen shows them (and every list of answers). */
export const VERDICT_LABEL: Record<TVerdict, [label: string, key: string]> = {
  accept: ["Accept", "a"],
  reject: ["Reject", "r"],
  revise: ["Needs revision", "e"],
};
