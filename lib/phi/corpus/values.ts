import type { PhiKind } from "../types";
import { pii, type TPiece } from "./builder";
import * as P from "./pools";

export type TRand = () => number;
export const pick = <T>(r: TRand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const int = (r: TRand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const digits = (r: TRand, n: number) => Array.from({ length: n }, () => String(int(r, 0, 9))).join("");
const pad = (n: number) => String(n).padStart(2, "0");
const letters = (r: TRand, n: number, from = "ABCDEFGHJKLMNPRSTUVWXYZ") =>
  Array.from({ length: n }, () => from[int(r, 0, from.length - 1)]).join("");

/** A full name, given + family, or given alone / family alone for the short forms. */
export const fullName = (r: TRand) => `${pick(r, P.GIVEN)} ${pick(r, P.FAMILY)}`;
export const name = (r: TRand): TPiece => pii("person_name", fullName(r));
export const given = (r: TRand): TPiece => pii("person_name", pick(r, P.GIVEN).split(" ")[0] ?? "Ann");
export const family = (r: TRand): TPiece => pii("person_name", pick(r, P.FAMILY));
export const title = (r: TRand) => pick(r, P.TITLES);
export const relative = (r: TRand) => pick(r, P.RELATIVES);
export const nonLatinName = (r: TRand): TPiece => pii("person_name", pick(r, P.NON_LATIN_NAMES));

function dayMonth(r: TRand, withYear: boolean): string {
  const d = int(r, 1, 28);
  const m = int(r, 1, 12);
  const y = int(r, 1935, 2024);
  const month = P.MONTHS[m - 1] ?? "May";
  const short = pick(r, P.MONTHS_SHORT);
  const forms = withYear
    ? [
        `${d}/${m}/${y}`,
        `${pad(d)}/${pad(m)}/${y}`,
        `${y}-${pad(m)}-${pad(d)}`,
        `${d} ${month} ${y}`,
        `${month} ${d}, ${y}`,
        `${short} ${d}, ${y}`,
        `${pad(d)}.${pad(m)}.${y}`,
        `${d}-${short}-${y}`,
        `${month} ${d}${P.ORDINAL_SUFFIX(d)}, ${y}`,
        `${pad(m)}/${pad(d)}/${String(y).slice(2)}`,
      ]
    : [
        `${month} ${d}${P.ORDINAL_SUFFIX(d)}`,
        `${d} ${month}`,
        `${short} ${d}`,
        `the ${d}${P.ORDINAL_SUFFIX(d)} of ${month}`,
        `${d}${P.ORDINAL_SUFFIX(d)} ${short}`,
        `${month} ${d}`,
      ];
  return pick(r, forms);
}
export const date = (r: TRand): TPiece => pii("date", dayMonth(r, r() < 0.6));
export const monthYear = (r: TRand): TPiece => pii("date", `${pick(r, P.MONTHS)} ${int(r, 2005, 2024)}`);
export const dob = (r: TRand): TPiece => pii("date_of_birth", dayMonth(r, r() < 0.85));

export const oldAge = (r: TRand): TPiece =>
  pii("age_over_89", r() < 0.15 ? pick(r, P.AGE_WORDS) : String(int(r, 90, 104)));

export function phone(r: TRand): TPiece {
  const forms = [
    `(${int(r, 201, 989)}) 555-0${digits(r, 3)}`,
    `${int(r, 201, 989)}-555-0${digits(r, 3)}`,
    `+44 20 7946 0${digits(r, 3)}`,
    `07700 900${digits(r, 3)}`,
    `+1 ${int(r, 201, 989)} 555 0${digits(r, 3)}`,
    `+234 803 ${digits(r, 3)} ${digits(r, 4)}`,
    `+91 98${digits(r, 3)} ${digits(r, 5)}`,
    `0113 496 0${digits(r, 3)}`,
    `+49 30 ${digits(r, 8)}`,
    `${int(r, 201, 989)}.555.0${digits(r, 3)}`,
  ];
  return pii("phone", pick(r, forms));
}
export function email(r: TRand, who = fullName(r)): TPiece {
  const [g = "a", f = "b"] = who
    .toLowerCase()
    .normalize("NFD")
    .replace(/[^a-z ]/g, "")
    .split(" ");
  const local = pick(r, [`${g}.${f}`, `${g[0]}${f}`, `${f}${int(r, 1, 99)}`, `${g}_${f}`]);
  return pii("email", `${local}@${pick(r, P.EMAIL_DOMAINS)}`);
}
export function url(r: TRand): TPiece {
  const forms = [
    `https://portal.example-hospital.org/patients/${digits(r, 6)}`,
    `www.example-clinic.com/records?id=${digits(r, 5)}`,
    `http://10.${int(r, 0, 9)}.${int(r, 1, 99)}.${int(r, 2, 200)}/pacs/study/${digits(r, 4)}`,
    `https://example.org/u/${letters(r, 4).toLowerCase()}${digits(r, 3)}`,
    `https://www.facebook.com/${letters(r, 6).toLowerCase()}.${digits(r, 2)}`,
  ];
  return pii("url", pick(r, forms));
}
export function ip(r: TRand): TPiece {
  return pii(
    "ip_address",
    r() < 0.75
      ? `${int(r, 10, 223)}.${int(r, 0, 255)}.${int(r, 0, 255)}.${int(r, 1, 254)}`
      : `2001:db8:${digits(r, 2)}a:${int(r, 1, 9)}::${letters(r, 1, "abcdef")}${digits(r, 2)}`,
  );
}
export function ssn(r: TRand): TPiece {
  const area = pick(r, [int(r, 1, 665), int(r, 900, 999), int(r, 667, 899)]);
  const a = String(area).padStart(3, "0");
  const g = pad(int(r, 1, 99));
  const s = digits(r, 4);
  return pii("us_ssn", pick(r, [`${a}-${g}-${s}`, `${a}-${g}-${s}`, `${a} ${g} ${s}`, `${a}${g}${s}`]));
}
export function nhsNumber(r: TRand): TPiece {
  for (;;) {
    const nine = digits(r, 9);
    let sum = 0;
    for (let i = 0; i < 9; i++) sum += Number(nine[i]) * (10 - i);
    const check = 11 - (sum % 11);
    if (check === 10) continue;
    const all = `${nine}${check === 11 ? 0 : check}`;
    const sep = pick(r, [" ", " ", "-", ""]);
    return pii("nhs_number", `${all.slice(0, 3)}${sep}${all.slice(3, 6)}${sep}${all.slice(6)}`);
  }
}
export function niNumber(r: TRand): TPiece {
  const pre = pick(r, ["AB", "JK", "NP", "SX", "WR", "CE", "HZ", "PT"]);
  const d = digits(r, 6);
  const suf = pick(r, ["A", "B", "C", "D"]);
  return pii(
    "uk_ni_number",
    r() < 0.5 ? `${pre}${d}${suf}` : `${pre} ${d.slice(0, 2)} ${d.slice(2, 4)} ${d.slice(4)} ${suf}`,
  );
}
export function recordNumber(r: TRand): TPiece {
  return pii(
    "record_number",
    pick(r, [
      digits(r, 8),
      `${letters(r, 2)}${digits(r, 7)}`,
      `${digits(r, 3)}-${digits(r, 4)}-${digits(r, 2)}`,
      `H${digits(r, 6)}`,
      `${letters(r, 3)}-${digits(r, 6)}`,
    ]),
  );
}
export function licence(r: TRand): TPiece {
  return pii(
    "licence_number",
    pick(r, [
      `${letters(r, 1)}${digits(r, 7)}`,
      `${letters(r, 5)}${digits(r, 6)}${letters(r, 2)}${digits(r, 1)}${letters(r, 2)}`,
      `${digits(r, 4)}-${digits(r, 5)}`,
      `${letters(r, 2)}${digits(r, 7)}`,
      `${digits(r, 9)}`,
    ]),
  );
}
export function vin(r: TRand): TPiece {
  return pii(
    "vehicle_id",
    `${digits(r, 1)}${letters(r, 2)}${digits(r, 1)}${letters(r, 1)}${digits(r, 2)}${letters(r, 2)}${digits(r, 1)}${letters(r, 1)}${digits(r, 6)}`,
  );
}
export function plate(r: TRand): TPiece {
  return pii(
    "vehicle_id",
    pick(r, [
      `${letters(r, 2)}${digits(r, 2)} ${letters(r, 3)}`,
      `${letters(r, 3)}-${digits(r, 4)}`,
      `${digits(r, 1)}${letters(r, 3)}${digits(r, 3)}`,
    ]),
  );
}
export function device(r: TRand): TPiece {
  return pii(
    "device_id",
    pick(r, [
      `${letters(r, 3)}${digits(r, 6)}${letters(r, 1)}`,
      `${digits(r, 2)}${letters(r, 2)}-${digits(r, 5)}`,
      `${digits(r, 15)}`,
      `(01)${digits(r, 14)}(21)${letters(r, 1)}${digits(r, 5)}`,
      `SN-${digits(r, 7)}`,
    ]),
  );
}
export const street = (r: TRand): TPiece =>
  pii("street_address", `${int(r, 1, 480)}${r() < 0.1 ? "B" : ""} ${pick(r, P.STREETS)}`);
export const city = (r: TRand): TPiece => pii("city", pick(r, P.CITIES));
export const zip = (r: TRand): TPiece =>
  pii("postal_code", r() < 0.5 ? String(int(r, 10000, 99950)) : pick(r, P.UK_POSTCODES));
export const usZip = (r: TRand): TPiece =>
  pii("postal_code", `${int(r, 10000, 99950)}${r() < 0.2 ? `-${digits(r, 4)}` : ""}`);
export const ukPostcode = (r: TRand): TPiece => pii("postal_code", pick(r, P.UK_POSTCODES));
export const state = (r: TRand) => pick(r, P.STATES);

export const KINDS_IN_CORPUS: readonly PhiKind[] = [
  "person_name",
  "date_of_birth",
  "date",
  "age_over_89",
  "phone",
  "email",
  "url",
  "ip_address",
  "us_ssn",
  "nhs_number",
  "uk_ni_number",
  "record_number",
  "licence_number",
  "vehicle_id",
  "device_id",
  "street_address",
  "postal_code",
  "city",
];
