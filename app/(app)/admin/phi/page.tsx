import Link from "next/link";
import { PhiMarkedText } from "@/components/phi/phi-marked-text";
import { RedactConfirmationButton } from "@/components/phi/redact-confirmation-button";
import { Card } from "@/components/ui/notice";
import { requirePagePermission } from "@/lib/auth/current-user";
import { listPhiConfirmations } from "@/lib/phi-guard/list-confirmations";
import { ZConfirmationListQuery } from "@/lib/phi-guard/schemas";

export const metadata = { title: "Confirmed identifiers" };

/** Where each kind of written text lives, in words an admin recognises. */
const TEXT_LABEL: Record<string, string> = {
  audit_review: "Audit review",
  audit_item: "Adjudication",
  study_judgement: "Study rating",
  seed_review: "Seed review",
};
const FIELD_LABEL: Record<string, string> = {
  correctedOutput: "correction",
  rationale: "rationale",
  comment: "comment",
};

const when = (d: Date) => d.toISOString().replace("T", " ").slice(0, 16);

export default async function PhiConfirmationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requirePagePermission("phi:redact", "/admin/phi");
  const parsed = ZConfirmationListQuery.safeParse(await searchParams);
  const query = parsed.success ? parsed.data : ZConfirmationListQuery.parse({});
  const { items, page, pageSize, total } = await listPhiConfirmations(user, query);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Confirmed identifiers</h1>
        <p className="mt-1 max-w-2xl text-sm text-slate-700">
          Possible identifiers that someone confirmed were not PHI when they submitted a correction, rationale
          or comment, newest first. If one is PHI after all, redact it: it is replaced by a placeholder in the
          text, any draft of it and the audit trail.
        </p>
      </div>
      <Card>
        {items.length === 0 ? (
          <p className="text-sm text-slate-600">Nobody has confirmed a possible identifier yet.</p>
        ) : null}
        <ul className="divide-y" data-testid="phi-confirmations">
          {items.map((c) => (
            <li
              key={c.id}
              className="space-y-2 py-4"
              data-testid="phi-confirmation"
              data-confirmation-id={c.id}
            >
              <p className="text-sm">
                <span className="font-semibold">{c.kindLabel}</span> in{" "}
                {TEXT_LABEL[c.entityType] ?? c.entityType} {FIELD_LABEL[c.field] ?? c.field}
                <span className="block text-slate-600">
                  Confirmed not PHI by {c.confirmedBy?.name ?? "a former user"}, {when(c.confirmedAt)} UTC
                </span>
              </p>
              {c.context ? (
                <blockquote className="rounded border-l-4 border-slate-300 bg-slate-50 px-3 py-2 text-sm break-words whitespace-pre-wrap">
                  {c.context.clippedBefore ? "… " : ""}
                  <PhiMarkedText
                    text={c.context.text}
                    spans={[{ kind: c.kind, start: c.context.start, end: c.context.end }]}
                  />
                  {c.context.clippedAfter ? " …" : ""}
                </blockquote>
              ) : null}
              {c.redactedAt ? (
                <p className="text-sm font-medium text-success" data-testid="phi-redacted">
                  Redacted by {c.redactedBy?.name ?? "a former user"}, {when(c.redactedAt)} UTC
                </p>
              ) : c.context ? (
                <RedactConfirmationButton id={c.id} what={c.kindLabel} />
              ) : (
                <p className="text-sm text-slate-600">No longer in the text as stored (edited since).</p>
              )}
            </li>
          ))}
        </ul>
        {pages > 1 ? (
          <nav aria-label="Pages" className="mt-3 flex items-center gap-4 text-sm">
            {page > 1 ? (
              <Link className="text-brand-700 underline" href={`/admin/phi?page=${page - 1}`}>
                Newer
              </Link>
            ) : null}
            <span>
              Page {page} of {pages}
            </span>
            {page < pages ? (
              <Link className="text-brand-700 underline" href={`/admin/phi?page=${page + 1}`}>
                Older
              </Link>
            ) : null}
          </nav>
        ) : null}
      </Card>
    </div>
  );
}
