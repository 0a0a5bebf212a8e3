import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

/** What every field shares: its label, an optional hint, and the errors the server gave for it. */
type TFrameProps = {
  label: ReactNode;
  name: string;
  errors?: string[] | undefined;
  hint?: ReactNode;
  /** Dense forms (a table row, a filter bar): smaller text and padding. */
  compact?: boolean;
  /** The label is read by screen readers only, where the layout already says what the field is. */
  hideLabel?: boolean;
  /** Classes of the wrapper (grid spans); `className` styles the control itself. */
  wrapperClassName?: string;
};

type TIds = { controlId: string; invalid: boolean; describedBy: string | undefined };

function fieldIds(
  id: string | undefined,
  name: string,
  errors: string[] | undefined,
  hint: ReactNode,
  extra?: string,
): TIds {
  const controlId = id ?? `f-${name}`;
  const invalid = Boolean(errors?.length);
  const describedBy = [
    invalid ? `${controlId}-error` : null,
    hint ? `${controlId}-hint` : null,
    extra ?? null,
  ]
    .filter(Boolean)
    .join(" ");
  return { controlId, invalid, describedBy: describedBy || undefined };
}

const controlClass = (invalid: boolean, compact: boolean | undefined) =>
  cn(
    "block w-full rounded-md border bg-white shadow-sm focus:border-brand-600 disabled:bg-slate-100",
    compact ? "px-2 py-1 text-sm" : "px-3 py-2 text-sm",
    invalid ? "border-error" : "border-slate-500",
  );

function Hint({ id, hint }: { id: string; hint: ReactNode }) {
  return hint ? (
    <p id={`${id}-hint`} className="text-xs text-muted">
      {hint}
    </p>
  ) : null;
}

/** Field-level errors: announced, and tied to their control by aria-describedby. */
export function FieldErrors({ id, errors }: { id: string; errors: string[] | undefined }) {
  return errors?.length ? (
    <p id={`${id}-error`} role="alert" className="text-sm text-error">
      {errors.join(" ")}
    </p>
  ) : null;
}

function Frame({ ids, frame, children }: { ids: TIds; frame: TFrameProps; children: ReactNode }) {
  return (
    <div className={cn("space-y-1", frame.wrapperClassName)}>
      <label
        htmlFor={ids.controlId}
        className={cn(
          "block font-medium text-slate-800",
          frame.compact ? "text-xs" : "text-sm",
          frame.hideLabel && "sr-only",
        )}
      >
        {frame.label}
      </label>
      {children}
      <Hint id={ids.controlId} hint={frame.hint} />
      <FieldErrors id={ids.controlId} errors={frame.errors} />
    </div>
  );
}

type TFieldProps = Omit<ComponentProps<"input">, "name"> & TFrameProps;

/** A labelled input whose errors are announced and tied to it for screen readers. */
export function Field({
  label,
  name,
  errors,
  hint,
  compact,
  hideLabel,
  wrapperClassName,
  id,
  className,
  ...rest
}: TFieldProps) {
  const ids = fieldIds(id, name, errors, hint, rest["aria-describedby"]);
  return (
    <Frame ids={ids} frame={{ label, name, errors, hint, compact, hideLabel, wrapperClassName }}>
      <input
        id={ids.controlId}
        name={name}
        {...rest}
        aria-invalid={ids.invalid || undefined}
        aria-describedby={ids.describedBy}
        className={cn(controlClass(ids.invalid, compact), className)}
      />
    </Frame>
  );
}

/** A file picker: same label, hint and errors as every field, without a text box's frame. */
export function FileField({
  label,
  name,
  errors,
  hint,
  compact,
  hideLabel,
  wrapperClassName,
  id,
  className,
  ...rest
}: Omit<TFieldProps, "type">) {
  const ids = fieldIds(id, name, errors, hint, rest["aria-describedby"]);
  return (
    <Frame ids={ids} frame={{ label, name, errors, hint, compact, hideLabel, wrapperClassName }}>
      <input
        id={ids.controlId}
        name={name}
        type="file"
        {...rest}
        aria-invalid={ids.invalid || undefined}
        aria-describedby={ids.describedBy}
        className={cn(
          "block w-full text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1",
          className,
        )}
      />
    </Frame>
  );
}

type TTextAreaProps = Omit<ComponentProps<"textarea">, "name"> & TFrameProps;

export function TextAreaField({
  label,
  name,
  errors,
  hint,
  compact,
  hideLabel,
  wrapperClassName,
  id,
  className,
  ...rest
}: TTextAreaProps) {
  const ids = fieldIds(id, name, errors, hint, rest["aria-describedby"]);
  return (
    <Frame ids={ids} frame={{ label, name, errors, hint, compact, hideLabel, wrapperClassName }}>
      <textarea
        id={ids.controlId}
        name={name}
        {...rest}
        aria-invalid={ids.invalid || undefined}
        aria-describedby={ids.describedBy}
        className={cn(controlClass(ids.invalid, compact), className)}
      />
    </Frame>
  );
}

type TOption = { value: string; label: string };
type TSelectProps = Omit<ComponentProps<"select">, "name"> & TFrameProps & { options?: TOption[] };

/** A labelled select; its choices come as `options` or, for groups and the like, as children. */
export function SelectField({
  label,
  name,
  options,
  errors,
  hint,
  compact,
  hideLabel,
  wrapperClassName,
  id,
  className,
  children,
  ...rest
}: TSelectProps) {
  const ids = fieldIds(id, name, errors, hint, rest["aria-describedby"]);
  return (
    <Frame ids={ids} frame={{ label, name, errors, hint, compact, hideLabel, wrapperClassName }}>
      <select
        id={ids.controlId}
        name={name}
        {...rest}
        aria-invalid={ids.invalid || undefined}
        aria-describedby={ids.describedBy}
        className={cn(controlClass(ids.invalid, compact), className)}
      >
        {options?.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {children}
      </select>
    </Frame>
  );
}

type TCheckboxProps = Omit<ComponentProps<"input">, "name" | "type"> &
  Omit<TFrameProps, "compact" | "hideLabel">;

/** A checkbox with its label beside it; errors and hint below, tied to it like any field's. */
export function CheckboxField({
  label,
  name,
  errors,
  hint,
  wrapperClassName,
  id,
  className,
  ...rest
}: TCheckboxProps) {
  // Several checkboxes may share a name (a set of flags): the value tells their ids apart.
  const ids = fieldIds(
    id ?? (rest.value !== undefined ? `f-${name}-${String(rest.value)}` : undefined),
    name,
    errors,
    hint,
    rest["aria-describedby"],
  );
  return (
    <div className={cn("space-y-1", wrapperClassName)}>
      <label htmlFor={ids.controlId} className="flex items-center gap-2 text-sm">
        <input
          id={ids.controlId}
          name={name}
          type="checkbox"
          {...rest}
          aria-invalid={ids.invalid || undefined}
          aria-describedby={ids.describedBy}
          className={cn("h-4 w-4 rounded border-slate-500 accent-brand-700", className)}
        />
        {label}
      </label>
      <Hint id={ids.controlId} hint={hint} />
      <FieldErrors id={ids.controlId} errors={errors} />
    </div>
  );
}

export type TRadioOption<V extends string> = {
  value: V;
  /** What is shown; may be short ("A") where `srLabel` spells it out for screen readers. */
  label: ReactNode;
  srLabel?: string;
  /** Shown after the label, hidden from screen readers (a key hint). */
  suffix?: ReactNode;
};

type TRadioGroupProps<V extends string> = Omit<TFrameProps, "hideLabel" | "compact"> & {
  options: readonly TRadioOption<V>[];
  value: V | undefined;
  onChange: (value: V) => void;
  /** Classes of the legend (e.g. a fixed width in a one-row layout). */
  legendClassName?: string;
  /** Joined buttons in one row instead of separate boxes. */
  segmented?: boolean;
  /** Classes of each option's box (e.g. tighter padding on phones). */
  optionClassName?: string;
  onFocus?: () => void;
  "data-testid"?: string;
};

/**
 * A native radio group (Tab reaches it, arrows move within it) in a fieldset whose legend names
 * it; errors and hint tied to every option like any field's.
 */
export function RadioGroupField<V extends string>({
  label,
  name,
  errors,
  hint,
  wrapperClassName,
  options,
  value,
  onChange,
  legendClassName,
  segmented,
  optionClassName,
  onFocus,
  "data-testid": testId,
}: TRadioGroupProps<V>) {
  const ids = fieldIds(undefined, name, errors, hint);
  return (
    <fieldset
      className={cn("min-w-0", wrapperClassName)}
      aria-invalid={ids.invalid || undefined}
      aria-describedby={ids.describedBy}
      data-testid={testId}
      onFocus={onFocus}
    >
      <legend className={cn("text-sm font-semibold", legendClassName)}>{label}</legend>
      <div
        className={cn(
          segmented
            ? "inline-flex divide-x divide-slate-400 overflow-hidden rounded-md border border-slate-400"
            : "flex flex-wrap gap-1.5",
        )}
      >
        {options.map((o) => (
          <label
            key={o.value}
            className={cn(
              "flex min-h-9 cursor-pointer items-center gap-1 px-2.5 text-sm whitespace-nowrap has-checked:bg-brand-50 has-checked:font-semibold has-focus-visible:outline-2 has-focus-visible:outline-brand-600",
              !segmented && "rounded-md border border-slate-400 has-checked:border-brand-700",
              optionClassName,
            )}
          >
            <input
              type="radio"
              className="accent-brand-700"
              name={name}
              value={o.value}
              aria-label={o.srLabel}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
            />
            <span aria-hidden={o.srLabel ? true : undefined}>{o.label}</span>
            {o.suffix}
          </label>
        ))}
      </div>
      <Hint id={ids.controlId} hint={hint} />
      <FieldErrors id={ids.controlId} errors={errors} />
    </fieldset>
  );
}
