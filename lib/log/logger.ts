// Structured JSON logs, one object per line. Callers pass identifiers and measurements only:
// never passwords, tokens or clinical text (the redaction below is a second line of defence).
type TLevel = "debug" | "info" | "warn" | "error";
const ORDER: Record<TLevel | "silent", number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };
const SECRET_KEYS = /pass(word)?|token|secret|authorization|cookie|instruction|input|output|text|rationale/i;

function threshold(): number {
  // Read directly: the logger must work before (and if) the env module fails to parse.
  // eslint-disable-next-line no-restricted-properties
  const level = (process.env.LOG_LEVEL ?? "info") as TLevel | "silent";
  return ORDER[level] ?? ORDER.info;
}

function scrub(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) out[k] = SECRET_KEYS.test(k) ? "[redacted]" : v;
  return out;
}

function write(level: TLevel, msg: string, fields: Record<string, unknown>): void {
  if (ORDER[level] < threshold()) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...scrub(fields) });
  if (level === "error" || level === "warn") process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
}

export const log = {
  debug: (msg: string, fields: Record<string, unknown> = {}) => write("debug", msg, fields),
  info: (msg: string, fields: Record<string, unknown> = {}) => write("info", msg, fields),
  warn: (msg: string, fields: Record<string, unknown> = {}) => write("warn", msg, fields),
  error: (msg: string, fields: Record<string, unknown> = {}) => write("error", msg, fields),
};

/** Error details for the server log only: the class and a bounded message, no stack of user data. */
export function describeError(err: unknown): Record<string, unknown> {
  if (err instanceof Error) {
    return {
      errorName: err.name,
      errorMessage: err.message.slice(0, 500),
      stack: err.stack?.split("\n").slice(0, 6).join(" | "),
    };
  }
  return { errorName: typeof err };
}
