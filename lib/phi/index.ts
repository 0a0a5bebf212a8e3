export { detectPhi } from "./detect";
export { redactAll, redactPhi } from "./redact";
export { normaliseForFingerprint, phiMatchKey } from "./fingerprint";
export { phiKindLabel } from "./labels";
export { isPlausibleSsn, isValidNhsNumber } from "./national-id";
export { PHI_KIND_WORDS } from "./kinds";
export { PHI_KINDS } from "./types";
export type { PhiConfidence, PhiFinding, PhiKind } from "./types";
