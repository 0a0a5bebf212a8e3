import type { PhiKind } from "./types";

const LABELS: Record<PhiKind, string> = {
  person_name: "person's name",
  date_of_birth: "date of birth",
  date: "date",
  record_number: "record number",
  phone: "phone number",
  email: "e-mail address",
  street_address: "street address",
  postal_code: "postal code",
  us_ssn: "US social security number",
  nhs_number: "NHS number",
  uk_ni_number: "UK national insurance number",
};

/**
 * A PHI kind as words for people ("date of birth", never "date_of_birth"). Kinds stored before a
 * detector was renamed still read as words: every underscore becomes a space.
 */
export function phiKindLabel(kind: string): string {
  return (LABELS as Record<string, string | undefined>)[kind] ?? kind.replaceAll("_", " ");
}
