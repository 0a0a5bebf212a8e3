const STYLE: Record<string, string> = {
  DRAFT: "bg-slate-200 text-slate-900",
  SUBMITTED: "bg-blue-100 text-blue-900",
  CHANGES_REQUESTED: "bg-amber-100 text-amber-950",
  APPROVED: "bg-green-100 text-green-900",
  RETIRED: "bg-slate-300 text-slate-700",
};

export function SeedStatusBadge({ status }: { status: string }) {
  return (
    <span
      data-testid="seed-status"
      className={`rounded px-2 py-0.5 text-xs font-semibold ${STYLE[status] ?? ""}`}
    >
      {status.replace("_", " ").toLowerCase()}
    </span>
  );
}
