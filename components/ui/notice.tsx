import type { ReactNode } from "react";

const TONES = {
  info: "border-brand-600 bg-brand-50 text-brand-800",
  success: "border-green-700 bg-green-50 text-green-900",
  warning: "border-amber-600 bg-amber-50 text-amber-900",
  error: "border-red-700 bg-red-50 text-red-900",
} as const;

export function Notice({ tone = "info", children, title }: { tone?: keyof typeof TONES; children: ReactNode; title?: string }) {
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`rounded-md border-l-4 p-3 text-sm ${TONES[tone]}`}>
      {title ? <p className="font-semibold">{title}</p> : null}
      <div>{children}</div>
    </div>
  );
}

export function Card({ children, title, className }: { children: ReactNode; title?: string; className?: string }) {
  return (
    <section className={`rounded-lg border border-slate-200 bg-white p-5 shadow-sm ${className ?? ""}`}>
      {title ? <h2 className="mb-3 text-lg font-semibold text-slate-900">{title}</h2> : null}
      {children}
    </section>
  );
}
