"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useDebounced } from "@/components/data/use-debounced";
import { Field } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import { fetchTerms, VOCABULARY_KEY } from "./vocabulary-api";

export type TTermChoice = { id: string; label: string };

/**
 * "Map to term" at 10,000 terms: a typeahead over GET /api/v1/vocabulary/terms (8 matches of the
 * typed text, in labels and aliases) instead of a select element listing every term. ARIA 1.2 combobox:
 * arrows move, Enter picks, Escape closes.
 */
export function VocabularyTermCombobox({
  kind,
  label,
  value,
  onChange,
  exclude,
  errors,
  hideLabel,
}: {
  kind: string;
  label: string;
  value: TTermChoice | null;
  onChange: (t: TTermChoice | null) => void;
  exclude?: string;
  errors?: string[];
  hideLabel?: boolean;
}) {
  const listId = useId();
  const [text, setText] = useState(value?.label ?? "");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const q = useDebounced(text, 200);
  const { data } = useQuery({
    queryKey: [...VOCABULARY_KEY, "typeahead", kind, q],
    queryFn: () => fetchTerms({ kind, q, limit: 8 }),
    enabled: open,
  });
  const options = (data?.items ?? []).filter((t) => t.id !== exclude);
  const pick = (t: TTermChoice) => {
    onChange({ id: t.id, label: t.label });
    setText(t.label);
    setOpen(false);
  };
  return (
    <div className="relative">
      <Field
        id={`${listId}-input`}
        name="term"
        label={label}
        hideLabel={hideLabel}
        compact
        errors={errors}
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && options[active] ? `${listId}-${active}` : undefined}
        placeholder="Type to search terms"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
          setOpen(true);
          if (value) onChange(null);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") setActive((a) => Math.min(a + 1, options.length - 1));
          else if (e.key === "ArrowUp") setActive((a) => Math.max(a - 1, 0));
          else if (e.key === "Escape") setOpen(false);
          else if (e.key === "Enter" && open && options[active]) pick(options[active]);
          else return;
          e.preventDefault();
        }}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={`${label}: matching terms`}
        hidden={!open || options.length === 0}
        className="absolute z-10 mt-1 max-h-60 w-full min-w-48 overflow-auto rounded-md border bg-white text-sm shadow"
      >
        {options.map((t, i) => (
          <li
            key={t.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={cn("cursor-pointer px-2 py-1", i === active && "bg-brand-50")}
            onMouseDown={(e) => {
              e.preventDefault();
              pick(t);
            }}
          >
            {t.label}
            {t.aliases.length ? (
              <span className="text-xs text-muted"> ({t.aliases.slice(0, 3).join(", ")})</span>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
