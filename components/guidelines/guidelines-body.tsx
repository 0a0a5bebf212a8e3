import { MarkdownText } from "@/components/markdown/markdown-text";
import type { TDefinedItem } from "@/lib/guidelines/schemas";

/** A version's text, rendered as markdown, then each flag or criterion with its definition. */
export function GuidelinesBody({
  guidelines,
  items,
  itemsTitle,
}: {
  guidelines: string;
  items: readonly TDefinedItem[];
  itemsTitle: string;
}) {
  const defined = items.filter((i) => i.definition);
  return (
    <div className="space-y-3">
      {guidelines ? (
        <MarkdownText text={guidelines} testId="guidelines-text" />
      ) : (
        <p className="text-sm text-muted">No written guidelines.</p>
      )}
      {defined.length ? (
        <div>
          <h3 className="text-sm font-semibold">{itemsTitle}</h3>
          <dl className="mt-1 space-y-1 text-sm" data-testid="guidelines-definitions">
            {defined.map((i) => (
              <div key={i.key}>
                <dt className="inline font-medium">{i.label}: </dt>
                <dd className="inline">{i.definition}</dd>
              </div>
            ))}
          </dl>
        </div>
      ) : null}
    </div>
  );
}
