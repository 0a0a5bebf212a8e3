/**
 * The one renderer of a response on the rating screen, the same for A and B: a difference in
 * markup between the sides would be a tell. The text arrives in its canonical presentation
 * (lib/text/canonical-presentation.ts, applied on the server), so pre-wrap shows no model's
 * whitespace habits; markdown rendering, when it comes, renders this same text here.
 */
export function ResponseText({ label, text }: { label: "A" | "B"; text: string }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4" data-testid={`response-${label}`}>
      <h2 className="mb-2 text-sm font-semibold">Response {label}</h2>
      <p className="whitespace-pre-wrap text-sm" data-testid="response-text">
        {text}
      </p>
    </section>
  );
}
