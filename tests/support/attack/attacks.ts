// Hostile variants of a valid request body: what an attacker sends instead of it. Pure: the
// attack suite sends each to its route and expects a 4xx, with no table's row count changed.
export type TAttack = { name: string; type: string; body: Uint8Array };

export const DEPTH = 3_000;
const DEEP = `${"[".repeat(DEPTH)}${"]".repeat(DEPTH)}`;
const HUGE = "1e400";
const MARK = "\u0001mark\u0001";
const QUOTED_MARK = JSON.stringify(MARK);

type TJson = null | boolean | number | string | TJson[] | { [k: string]: TJson };

function mapLeaves(v: TJson, f: (leaf: string | number) => TJson): TJson {
  if (typeof v === "string" || typeof v === "number") return f(v);
  if (Array.isArray(v)) return v.map((x) => mapLeaves(x, f));
  if (v && typeof v === "object")
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, mapLeaves(x, f)]));
  return v;
}

function hasNumber(v: TJson): boolean {
  if (typeof v === "number") return true;
  if (Array.isArray(v)) return v.some(hasNumber);
  if (v && typeof v === "object") return Object.values(v).some(hasNumber);
  return false;
}

/** The documents of a body: one for JSON, one per line for JSON Lines. */
function documents(type: string, text: string): TJson[] {
  return type.includes("json") && !type.includes("nd") && !type.includes("jsonl")
    ? [JSON.parse(text) as TJson]
    : text
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l) as TJson);
}

/** Serialises with MARK strings replaced by raw JSON text (which JSON.stringify cannot write). */
function write(type: string, docs: TJson[], raw: string): string {
  const lines = docs.map((d) => JSON.stringify(d).split(QUOTED_MARK).join(raw));
  return type.includes("nd") || type.includes("jsonl") ? lines.join("\n") : (lines[0] ?? "");
}

const utf8 = (s: string) => new TextEncoder().encode(s);

/**
 * The attacks on one body. `extraMembers`: the route parses the body as JSON itself (defineApiRoute's
 * body), so an extra member the schema would drop must still be refused when it is 1e400 or deep.
 */
export function bodyAttacks(
  sample: { type: string; text: string },
  opts: { extraMembers: boolean },
): TAttack[] {
  const { type, text } = sample;
  const docs = documents(type, text);
  const each = (f: (leaf: string | number) => TJson) => docs.map((d) => mapLeaves(d, f));
  const numbers = docs.some(hasNumber);
  const out: TAttack[] = [
    {
      name: "malformed JSON",
      type,
      body: utf8(`${text.slice(0, Math.max(1, Math.floor(text.length / 2)))}`),
    },
    { name: "malformed JSON (trailing garbage)", type, body: utf8(`${text}}{"`) },
    { name: "wrong content type (text/plain)", type: "text/plain", body: utf8(text) },
    { name: "wrong content type (form)", type: "application/x-www-form-urlencoded", body: utf8("a=1&b=2") },
    { name: "empty body", type, body: new Uint8Array() },
    {
      name: "NUL in every string",
      type,
      body: utf8(
        write(
          type,
          each((l) => (typeof l === "string" ? `${l}\u0000` : l)),
          "",
        ),
      ),
    },
    {
      name: "lone surrogate in every string",
      type,
      body: utf8(
        write(
          type,
          each((l) => (typeof l === "string" ? `${l}\ud800` : l)),
          "",
        ),
      ),
    },
    {
      name: `nested ${DEPTH} deep in place of every value`,
      type,
      body: utf8(
        write(
          type,
          each(() => MARK),
          DEEP,
        ),
      ),
    },
    {
      name: `${HUGE} in place of every ${numbers ? "number" : "string"}`,
      type,
      body: utf8(
        write(
          type,
          each((l) => (typeof l === (numbers ? "number" : "string") ? MARK : l)),
          HUGE,
        ),
      ),
    },
    {
      name: "a JSON null, a number, a string, an array instead of the body",
      type,
      body: utf8(type.includes("nd") ? 'null\n42\n"x"\n[]' : '[null,42,"x",[]]'),
    },
  ];
  // Invalid UTF-8 inside the first string: 0xFF never occurs in UTF-8.
  const at = text.indexOf('"', text.indexOf(":")) + 1;
  if (at > 0)
    out.push({
      name: "invalid UTF-8 in a string",
      type,
      body: new Uint8Array([...utf8(text.slice(0, at)), 0xff, 0xfe, ...utf8(text.slice(at))]),
    });
  if (opts.extraMembers) {
    const extra = (raw: string) =>
      docs
        .map((d) => (d && typeof d === "object" && !Array.isArray(d) ? { ...d, extra: MARK } : d))
        .map((d) => write(type, [d], raw))
        .join("\n");
    out.push({ name: `${HUGE} as an extra member`, type, body: utf8(extra(HUGE)) });
    out.push({ name: `nested ${DEPTH} deep as an extra member`, type, body: utf8(extra(DEEP)) });
  }
  return out;
}

/** Path segments that are not the UUIDs every id of the API is. */
export const NON_UUID_IDS = [
  "not-a-uuid",
  "1 OR 1=1",
  "..%2F..%2Fetc%2Fpasswd",
  "%00",
  "00000000-0000-4000-8000-00000000000g",
  "9".repeat(400),
  "\ud800",
];

/** Hostile values for one form field of a server action, given its valid value. */
export function fieldAttacks(valid: string): { name: string; value: string }[] {
  const out = [
    { name: "NUL", value: `${valid}\u0000` },
    { name: "lone surrogate", value: `${valid}\ud800` },
    { name: "lone low surrogate", value: `\udc00${valid}` },
  ];
  if (/^[0-9a-f-]{36}$/i.test(valid))
    out.push({ name: "non-UUID id", value: "not-a-uuid" }, { name: "SQL in an id", value: "1' OR '1'='1" });
  if (/^-?\d+(\.\d+)?$/.test(valid))
    out.push(
      { name: HUGE, value: HUGE },
      { name: "-" + HUGE, value: `-${HUGE}` },
      { name: "NaN", value: "NaN" },
    );
  return out;
}

/** A value nested `DEPTH` deep, as a server action may receive instead of its form. */
export function deepValue(): unknown {
  let v: unknown = "x";
  for (let i = 0; i < DEPTH; i++) v = { v };
  return v;
}
