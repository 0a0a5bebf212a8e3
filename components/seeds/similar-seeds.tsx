import Link from "next/link";

export type TSimilar = { id: string; score: number; instruction: string; status: string };

export function SimilarSeeds({ similar }: { similar: TSimilar[] }) {
  return (
    <aside
      aria-labelledby="similar-title"
      className="rounded-lg border border-slate-200 p-4 text-sm"
      data-testid="similar-seeds"
    >
      <h2 id="similar-title" className="mb-2 font-semibold">
        Most similar seeds (ROUGE-L)
      </h2>
      {similar.length === 0 ? <p className="text-slate-600">None yet.</p> : null}
      <ol className="space-y-2">
        {similar.map((s) => (
          <li key={s.id} className={s.score > 0.7 ? "rounded bg-amber-50 p-1 ring-1 ring-amber-600" : "p-1"}>
            <span className="font-mono">{s.score.toFixed(2)}</span>
            {s.score > 0.7 ? (
              <span className="ml-1 font-semibold text-amber-900">near duplicate</span>
            ) : null}{" "}
            <Link href={`/seeds/${s.id}`} className="underline">
              {s.instruction}
            </Link>
          </li>
        ))}
      </ol>
    </aside>
  );
}
