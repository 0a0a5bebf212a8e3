/** Every kind the detector reports: the HIPAA Safe Harbor identifiers that occur in text, plus UK ids. */
export const PHI_KINDS = [
  "person_name",
  "date_of_birth",
  "date",
  "age_over_89",
  "record_number",
  "licence_number",
  "phone",
  "email",
  "url",
  "ip_address",
  "street_address",
  "city",
  "postal_code",
  "us_ssn",
  "nhs_number",
  "uk_ni_number",
  "vehicle_id",
  "device_id",
] as const;

export type PhiKind = (typeof PHI_KINDS)[number];

/**
 * "high": the pattern itself is identifying (an e-mail, a titled name, a labelled MRN).
 * "low": a weak signal worth a reviewer's glance but often benign (a bare calendar date).
 */
export type PhiConfidence = "high" | "low";

export interface PhiFinding {
  kind: PhiKind;
  /** UTF-16 offsets into the scanned text, end exclusive. */
  start: number;
  end: number;
  text: string;
  confidence: PhiConfidence;
}

/** A detector's raw hit before overlap resolution; higher priority wins a contested span. */
export interface PhiCandidate {
  kind: PhiKind;
  start: number;
  end: number;
  confidence: PhiConfidence;
  priority: number;
}
