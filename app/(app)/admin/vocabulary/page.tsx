import { SeedImportForm } from "@/components/seeds/seed-import-form";
import { VocabularyAddTermForm } from "@/components/seeds/vocabulary-add-term-form";
import { VocabularyRetiredList } from "@/components/seeds/vocabulary-retired-list";
import { VocabularyTermRow } from "@/components/seeds/vocabulary-term-row";
import { Card } from "@/components/ui/notice";
import { requirePagePermission } from "@/lib/auth/current-user";
import { listRetiredTerms, listTerms } from "@/lib/vocabulary/list-terms";
import { VOCABULARY_KIND_LABEL, VOCABULARY_KINDS } from "@/lib/vocabulary/schemas";

export const metadata = { title: "Vocabularies" };

export default async function VocabularyPage() {
  await requirePagePermission("vocab:manage", "/admin/vocabulary");
  const [terms, retired] = await Promise.all([listTerms(), listRetiredTerms()]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Vocabularies</h1>
      <Card title="Import seeds and map unknown labels">
        <SeedImportForm terms={terms.map((t) => ({ id: t.id, label: t.label, kind: t.kind }))} />
      </Card>
      <Card title="Add a term">
        <VocabularyAddTermForm />
      </Card>
      {VOCABULARY_KINDS.map((kind) => {
        const ofKind = terms.filter((t) => t.kind === kind);
        return (
          <Card key={kind} title={`${VOCABULARY_KIND_LABEL[kind]}s (${ofKind.length})`}>
            <ul className="divide-y text-sm" data-testid={`terms-${kind}`}>
              {ofKind.map((t) => (
                <VocabularyTermRow
                  key={t.id}
                  term={t}
                  others={ofKind.filter((o) => o.id !== t.id).map((o) => ({ id: o.id, label: o.label }))}
                />
              ))}
            </ul>
          </Card>
        );
      })}
      {retired.length ? (
        <Card title={`Retired terms (${retired.length})`}>
          <VocabularyRetiredList
            terms={retired.map((t) => ({ id: t.id, kind: VOCABULARY_KIND_LABEL[t.kind], label: t.label }))}
          />
        </Card>
      ) : null}
    </div>
  );
}
