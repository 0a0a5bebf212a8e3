import { MarkdownText } from "@/components/markdown/markdown-text";

/**
 * The one renderer of a response on the rating screen, the same for A and B: a difference in
 * markup between the sides would be a tell. The text arrives in its canonical presentation
 * (lib/text/canonical-presentation.ts, applied on the server) and is rendered as markdown by
 * MarkdownText, so both sides take exactly one path from the same bytes to the same HTML
 * (components/studies/response-text.test.ts holds that). On narrow screens each answer scrolls in
 * a box of its own, so the second answer and the decision bar are never 2,000 px away; on wide
 * screens the two stand side by side at full length.
 */
export function ResponseText({ label, text }: { label: "A" | "B"; text: string }) {
  return (
    <section
      className="rounded-lg border border-slate-200 bg-white p-4"
      aria-labelledby={`response-${label}-heading`}
      data-testid={`response-${label}`}
    >
      <h2 id={`response-${label}-heading`} className="mb-2 text-sm font-semibold">
        Response {label}
      </h2>
      <div
        className="max-h-[45vh] overflow-y-auto pr-1 lg:max-h-none lg:overflow-visible"
        tabIndex={0}
        role="region"
        aria-label={`Text of response ${label}`}
      >
        <MarkdownText text={text} testId="response-text" />
      </div>
    </section>
  );
}
