import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";
import { cn } from "./cn";

type TFieldProps = InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  name: string;
  errors?: string[] | undefined;
  hint?: ReactNode;
};

/** A labelled input whose errors are announced and tied to it for screen readers. */
export function Field({ label, name, errors, hint, id, className, ...rest }: TFieldProps) {
  const inputId = id ?? `f-${name}`;
  const errorId = `${inputId}-error`;
  const hintId = `${inputId}-hint`;
  const invalid = Boolean(errors?.length);
  return (
    <div className="space-y-1">
      <label htmlFor={inputId} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={inputId}
        name={name}
        aria-invalid={invalid || undefined}
        aria-describedby={[invalid ? errorId : null, hint ? hintId : null].filter(Boolean).join(" ") || undefined}
        className={cn(
          "block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600",
          invalid ? "border-error" : "border-slate-500",
          className,
        )}
        {...rest}
      />
      {hint ? (
        <p id={hintId} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      {invalid ? (
        <p id={errorId} role="alert" className="text-sm text-error">
          {errors?.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

type TSelectProps = SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  name: string;
  options: { value: string; label: string }[];
  errors?: string[] | undefined;
};

export function SelectField({ label, name, options, errors, id, className, ...rest }: TSelectProps) {
  const selectId = id ?? `f-${name}`;
  const invalid = Boolean(errors?.length);
  return (
    <div className="space-y-1">
      <label htmlFor={selectId} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        id={selectId}
        name={name}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${selectId}-error` : undefined}
        className={cn("block w-full rounded-md border bg-white px-3 py-2 text-sm", invalid ? "border-error" : "border-slate-500", className)}
        {...rest}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {invalid ? (
        <p id={`${selectId}-error`} role="alert" className="text-sm text-error">
          {errors?.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
