import type { ReactNode } from "react";
import { cn } from "./cn";

const TONES = {
  info: "border-brand-600 bg-brand-50 text-brand-800",
  success: "border-success bg-success-soft text-success",
  warning: "border-amber-600 bg-warning-soft text-warning",
  error: "border-error bg-error-soft text-error",
} as const;

export function Notice({
  tone = "info",
  children,
  title,
}: {
  tone?: keyof typeof TONES;
  children: ReactNode;
  title?: string;
}) {
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={cn("rounded-md border-l-4 p-3 text-sm", TONES[tone])}
    >
      {title ? <p className="font-semibold">{title}</p> : null}
      <div>{children}</div>
    </div>
  );
}

export function Card({
  children,
  title,
  className,
}: {
  children: ReactNode;
  title?: string;
  className?: string;
}) {
  return (
    <section className={cn("rounded-lg border border-slate-200 bg-white p-5 shadow-sm", className)}>
      {title ? <h2 className="mb-3 text-lg font-semibold text-slate-900">{title}</h2> : null}
      {children}
    </section>
  );
}
