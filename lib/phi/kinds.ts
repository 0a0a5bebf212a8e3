import type { PhiKind } from "./types";

/** Readable words for each kind, for messages and the evaluation report ("date of birth"). */
export const PHI_KIND_WORDS: Record<PhiKind, string> = {
  person_name: "person's name",
  date_of_birth: "date of birth",
  date: "date",
  age_over_89: "age over 89",
  record_number: "record, health-plan or account number",
  licence_number: "certificate or licence number",
  phone: "phone or fax number",
  email: "e-mail address",
  url: "web address",
  ip_address: "IP address",
  street_address: "street address",
  city: "city",
  postal_code: "postal code",
  us_ssn: "US social security number",
  nhs_number: "NHS number",
  uk_ni_number: "UK National Insurance number",
  vehicle_id: "vehicle identifier",
  device_id: "device identifier or serial",
};
