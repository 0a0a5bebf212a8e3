import Link from "next/link";
import { VocabularyAddTermForm } from "@/components/seeds/vocabulary-add-term-form";
import { VocabularyBrowser } from "@/components/seeds/vocabulary-browser";
import { Card } from "@/components/ui/notice";
import { requirePagePermission } from "@/lib/auth/current-user";
import { listTermsPage } from "@/lib/vocabulary/list-terms-page";
import { TERMS_PAGE_SIZE as PAGE_SIZE } from "@/lib/vocabulary/kinds";

export const metadata = { title: "Vocabularies" };

export default async function VocabularyPage() {
  await requirePagePermission("vocab:manage", "/admin/vocabulary");
  // The first page of each list only: the rest is searched and paged through the API. The two
  // lists are independent, so they are read at once rather than one after the other.
  const [live, retired] = await Promise.all([
    listTermsPage({ status: "live", q: "", limit: PAGE_SIZE }),
    listTermsPage({ status: "retired", q: "", limit: PAGE_SIZE }),
  ]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Vocabularies</h1>
      <p className="text-sm">
        Seed files are imported, and their unknown labels mapped, on{" "}
        <Link href="/seeds/import" prefetch={false} className="underline">
          Seeds › Import
        </Link>
        .
      </p>
      <Card title="Add a term">
        <VocabularyAddTermForm />
      </Card>
      <Card title="Terms">
        <VocabularyBrowser status="live" initial={live} />
      </Card>
      <Card title="Retired terms">
        <VocabularyBrowser status="retired" initial={retired} />
      </Card>
    </div>
  );
}
