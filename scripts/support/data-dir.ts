// The embedded demo's files: .data/pglite (the database), .data/secret, .data/embedded.json.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync, rmSync } from "node:fs";
import path from "node:path";

export const DATA_DIR = path.resolve(process.env.CLINREVIEW_DATA_DIR ?? ".data");
export const PGLITE_DIR = path.join(DATA_DIR, "pglite");
const SECRET_FILE = path.join(DATA_DIR, "secret");
const RUNNING_FILE = path.join(DATA_DIR, "embedded.json");

/** Generated once and kept, so sessions survive restarts of the demo. */
export function embeddedSecret(): string {
  mkdirSync(DATA_DIR, { recursive: true });
  if (!existsSync(SECRET_FILE)) {
    writeFileSync(SECRET_FILE, randomBytes(48).toString("base64url"), { mode: 0o600 });
  }
  chmodSync(SECRET_FILE, 0o600);
  return readFileSync(SECRET_FILE, "utf8").trim();
}

export function recordRunning(port: number): void {
  writeFileSync(RUNNING_FILE, JSON.stringify({ port, pid: process.pid }));
}

export function clearRunning(): void {
  rmSync(RUNNING_FILE, { force: true });
}

/** The port of an embedded database served by a running `npm start`, if there is one. */
export function runningEmbeddedPort(): number | null {
  try {
    const { port, pid } = JSON.parse(readFileSync(RUNNING_FILE, "utf8")) as { port: number; pid: number };
    process.kill(pid, 0);
    return port;
  } catch {
    return null;
  }
}
