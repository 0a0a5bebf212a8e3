// RFC 4180 CSV with spreadsheet-formula neutralisation (OWASP CSV injection guidance).
const FORMULA_START = /^[=+\-@\t\r]/;

export type TCsvValue = string | number | boolean | null | undefined | Date;

export function csvCell(value: TCsvValue): string {
  if (value === null || value === undefined) return "";
  let s = value instanceof Date ? value.toISOString() : String(value);
  // Numbers are data, not formulas: only neutralise text (a negative number stays a number).
  if (typeof value === "string" && FORMULA_START.test(s)) s = `'${s}`;
  if (/[",\r\n]/.test(s) || s.startsWith(" ") || s.endsWith(" ")) s = `"${s.replaceAll('"', '""')}"`;
  return s;
}

export function csvRow(values: readonly TCsvValue[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

export function toCsv(header: readonly string[], rows: Iterable<readonly TCsvValue[]>): string {
  let out = csvRow(header);
  for (const r of rows) out += csvRow(r);
  return out;
}

/** Minimal RFC 4180 parser, used by tests and imports to read back what we write. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else if (c === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += c;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
