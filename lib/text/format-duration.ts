/**
 * A duration for people: "850 ms" under a second (a median of 0.4 s is not "0 s"), "12.3 s" under
 * a minute, then "4 min 05 s" and "1 h 02 min". Null (no data) is a dash.
 */
export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms) || ms < 0) return "—";
  if (Math.round(ms) < 1_000) return `${Math.round(ms)} ms`;
  // Rounded once, in tenths of a second, so 59.96 s is "1 min 00 s" rather than "60.0 s".
  const tenths = Math.round(ms / 100);
  if (tenths < 600) return `${(tenths / 10).toFixed(1)} s`;
  const seconds = Math.round(ms / 1_000);
  if (seconds < 3_600) return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, "0")} s`;
  const minutes = Math.round(ms / 60_000);
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")} min`;
}
