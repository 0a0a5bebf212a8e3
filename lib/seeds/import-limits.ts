import { BODY_LIMITS } from "@/lib/http/body-limits";

/**
 * What one seed import takes, shared by the API route and the import screen so the screen refuses
 * exactly what the route refuses, with the same words, before sending megabytes it would refuse.
 */
export const MAX_IMPORT_BYTES = BODY_LIMITS.seedImport;

/** "1.4 MB", "812 KB", "93 bytes": decimal units, as file managers show sizes. */
export function formatBytes(n: number): string {
  if (n >= 1_000_000) return `${(n / 1_000_000).toFixed(1).replace(/\.0$/, "")} MB`;
  if (n >= 1_000) return `${Math.round(n / 1_000)} KB`;
  return `${n} bytes`;
}

export function fileTooLargeMessage(maxBytes: number = MAX_IMPORT_BYTES): string {
  return `The file is larger than ${formatBytes(maxBytes)} (${maxBytes.toLocaleString("en-US")} bytes), the most one import takes: split it into smaller files`;
}

export const EMPTY_FILE_MESSAGE = "The file is empty: choose the file with the seeds";
