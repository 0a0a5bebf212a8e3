import type { TSeedDetail } from "@/lib/seeds/get-seed";

const show = (v: unknown): string =>
  Array.isArray(v)
    ? v.join(", ")
    : typeof v === "string" && v !== ""
      ? v
      : typeof v === "number"
        ? String(v)
        : "—";

export function SeedHistory({ versions, reviews }: Pick<TSeedDetail, "versions" | "reviews">) {
  return (
    <ol className="space-y-3 text-sm" data-testid="seed-history">
      {versions.map((v) => (
        <li key={v.version} className="border-l-2 border-slate-300 pl-3">
          <p className="font-medium">
            Version {v.version} · {v.savedBy} · {new Date(v.createdAt).toLocaleString()}
          </p>
          {v.changes.length ? (
            <ul className="mt-1 space-y-1">
              {v.changes.map((c) => (
                <li key={c.field}>
                  <span className="font-semibold">{c.field}</span>:{" "}
                  <del className="text-red-800">{show(c.before)}</del> →{" "}
                  <ins className="text-green-800 no-underline">{show(c.after)}</ins>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-slate-600">{v.version === 1 ? "First version" : "No field changes"}</p>
          )}
          {reviews
            .filter((r) => r.version === v.version)
            .map((r) => (
              <p key={r.createdAt} className="mt-1 rounded bg-slate-50 p-1">
                {r.decision === "APPROVE" ? "Approved" : "Changes requested"} by {r.reviewer}
                {r.comment ? `: ${r.comment}` : ""}
              </p>
            ))}
        </li>
      ))}
    </ol>
  );
}
