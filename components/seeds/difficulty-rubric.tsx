/** AlpaCare's 1–5 difficulty scale, shown beside the editor so every author rates alike. */
export const DIFFICULTY_RUBRIC: { level: number; title: string; text: string }[] = [
  {
    level: 1,
    title: "Basic fact",
    text: "Recall of a single well-known medical fact or definition (what is multiple sclerosis?).",
  },
  {
    level: 2,
    title: "Basic understanding",
    text: "Explaining a concept or mechanism a student knows; one step of reasoning, no patient context needed.",
  },
  {
    level: 3,
    title: "Applied knowledge",
    text: "Applying knowledge to a typical, clearly described case: classify symptoms, pick a first-line drug.",
  },
  {
    level: 4,
    title: "Clinical reasoning",
    text: "Integrating several findings, comorbidities or guidelines; multi-step reasoning with trade-offs.",
  },
  {
    level: 5,
    title: "Complex real case",
    text: "Realistic cases with vague or conflicting symptoms, rare conditions or uncertainty that challenge a specialist.",
  },
];

export function DifficultyRubric({ selected }: { selected?: number | null }) {
  return (
    <aside
      aria-labelledby="rubric-title"
      className="rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm"
    >
      <h2 id="rubric-title" className="mb-2 font-semibold">
        Difficulty rubric (AlpaCare)
      </h2>
      <ol className="space-y-2">
        {DIFFICULTY_RUBRIC.map((r) => (
          <li
            key={r.level}
            className={r.level === selected ? "rounded bg-brand-50 p-1 ring-1 ring-brand-600" : "p-1"}
          >
            <span className="font-semibold">
              {r.level} · {r.title}:
            </span>{" "}
            {r.text}
          </li>
        ))}
      </ol>
    </aside>
  );
}
