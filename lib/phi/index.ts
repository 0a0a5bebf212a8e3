export { detectPhi } from "./detect";
export { redactAll, redactPhi } from "./redact";
export { normaliseForFingerprint, phiFingerprint } from "./fingerprint";
export { phiKindLabel } from "./labels";
export { isPlausibleSsn, isValidNhsNumber } from "./national-id";
export type { PhiConfidence, PhiFinding, PhiKind } from "./types";
