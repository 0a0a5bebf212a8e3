"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useMemo, useState } from "react";
import { apiFetch, asApiError } from "@/components/data/api-fetch";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { TUnknownLabel } from "@/lib/seeds/resolve-import-labels";
import type { TMappingsResult } from "@/lib/vocabulary/apply-mappings";
import type { TLabelMapping } from "@/lib/vocabulary/schemas";
import {
  clustersOf,
  mappingOf,
  suggestedDecision,
  type TDecision,
  type TLabelCluster,
} from "./label-clusters";
import { VOCABULARY_KEY } from "./vocabulary-api";
import { VocabularyTermCombobox } from "./vocabulary-term-combobox";

const MAPPINGS_PATH = "/api/v1/vocabulary/mappings";

type TSent = { keys: string[]; mappings: TLabelMapping[] };

/**
 * The import's unknown labels, clustered by the server (near-duplicates share one row) with the
 * live terms each probably means. Every row has a decision, preset to its suggestion; "Accept all
 * suggestions" sends them all in one request (one transaction), "Apply" sends one row. Refusals
 * come back per row, and nothing of a refused request is written.
 */
export function VocabularyLabelMapping({
  labels,
  canMap,
  onAllMapped,
}: {
  labels: TUnknownLabel[];
  canMap: boolean;
  onAllMapped: () => void;
}) {
  const clusters = useMemo(() => clustersOf(labels), [labels]);
  const [decisions, setDecisions] = useState<Record<string, TDecision>>(() =>
    Object.fromEntries(clusters.map((c) => [c.key, suggestedDecision(c)])),
  );
  const [done, setDone] = useState<Record<string, string>>({});
  const [rowErrors, setRowErrors] = useState<Record<string, string[]>>({});
  const client = useQueryClient();
  const send = useMutation({
    mutationFn: (s: TSent) => apiFetch<TMappingsResult>(MAPPINGS_PATH, { body: { mappings: s.mappings } }),
    onMutate: () => setRowErrors({}),
    onSuccess: (_r, s) => {
      void client.invalidateQueries({ queryKey: VOCABULARY_KEY });
      setDone((d) => {
        const next = { ...d };
        s.keys.forEach((k, i) => {
          const m = s.mappings[i];
          const to = m?.action === "alias" ? decisionLabel(decisions[k]) : m?.label;
          next[k] = m?.action === "alias" ? `Mapped to “${to}”` : `Added as the new term “${to}”`;
        });
        return next;
      });
    },
    onError: (e, s) => {
      const errors: Record<string, string[]> = {};
      for (const [field, messages] of Object.entries(asApiError(e).fieldErrors)) {
        const key = s.keys[Number(/^mappings\.(\d+)/.exec(field)?.[1] ?? -1)];
        if (key) (errors[key] ??= []).push(...messages);
      }
      setRowErrors(errors);
    },
  });

  const open = clusters.filter((c) => !done[c.key]);
  const left = open.reduce((n, c) => n + c.members.length, 0);
  const retired = open.reduce((n, c) => n + c.members.filter((m) => m.retiredTerm).length, 0);
  const request = (list: TLabelCluster[]): TSent => {
    const keys: string[] = [];
    const mappings: TLabelMapping[] = [];
    for (const c of list) {
      const m = mappingOf(c, decisions[c.key] ?? { type: "skip" });
      if (m) {
        keys.push(c.key);
        mappings.push(m);
      }
    }
    return { keys, mappings };
  };
  const all = request(open);
  const title = left
    ? `${left} of ${labels.length} labels are not in the vocabularies: map or add them, or tick “Add remaining unknown labels as new terms”` +
      (retired ? ` (${retired} belong to retired terms: map them to a live term or restore the term)` : "")
    : `All ${labels.length} unknown labels are mapped or added: check the file again`;
  const failed = send.isError && !Object.keys(rowErrors).length ? asApiError(send.error).message : null;

  return (
    <div className="space-y-3">
      <Notice tone="warning" title={title}>
        <p>
          Nothing was stored. {clusters.length} rows: spellings that differ only in case, plural or wording
          share a row and become one term.
        </p>
      </Notice>
      {canMap ? (
        <div className="flex flex-wrap items-center gap-3">
          <Button
            type="button"
            disabled={send.isPending || all.mappings.length === 0}
            onClick={() => send.mutate(all)}
          >
            Accept all suggestions ({all.mappings.length})
          </Button>
          {!left ? (
            <Button type="button" variant="secondary" onClick={onAllMapped}>
              Check the file again
            </Button>
          ) : null}
          <span aria-live="polite" className="text-sm">
            {send.isPending ? "Applying…" : null}
            {failed ? <span className="text-error">{failed}</span> : null}
            {Object.keys(rowErrors).length ? (
              <span className="text-error">Some rows were refused (shown below): nothing was changed.</span>
            ) : null}
          </span>
        </div>
      ) : (
        <p className="text-sm">Ask an admin to map these labels in the vocabularies.</p>
      )}
      {/* Rows become stacked blocks below the sm breakpoint (375 px phones); the roles keep them a table. */}
      <div>
        <table className="block w-full text-left text-sm sm:table" data-testid="unknown-labels">
          <thead className="sr-only border-b text-xs uppercase text-muted sm:not-sr-only sm:table-header-group">
            <tr>
              <th scope="col" className="py-2 pr-3">
                Kind
              </th>
              <th scope="col" className="py-2 pr-3">
                Unknown labels (records)
              </th>
              <th scope="col" className="py-2">
                Decision
              </th>
            </tr>
          </thead>
          <tbody className="block sm:table-row-group">
            {clusters.map((c) => (
              <ClusterRow
                key={c.key}
                cluster={c}
                canMap={canMap}
                decision={decisions[c.key] ?? { type: "skip" }}
                onDecide={(d) => setDecisions((all) => ({ ...all, [c.key]: d }))}
                done={done[c.key]}
                errors={rowErrors[c.key]}
                busy={send.isPending}
                onApply={() => send.mutate(request([c]))}
              />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

const decisionLabel = (d: TDecision | undefined) => (d && d.type !== "skip" ? d.label : "");

function ClusterRow({
  cluster: c,
  canMap,
  decision,
  onDecide,
  done,
  errors,
  busy,
  onApply,
}: {
  cluster: TLabelCluster;
  canMap: boolean;
  decision: TDecision;
  onDecide: (d: TDecision) => void;
  done: string | undefined;
  errors: string[] | undefined;
  busy: boolean;
  onApply: () => void;
}) {
  const name = c.members.map((m) => m.label).join(" · ");
  // Fields take their id from their name unless given one: each row's must be its own.
  const uid = useId();
  const [other, setOther] = useState(false);
  const selected = other ? "other" : decision.type === "alias" ? `alias:${decision.termId}` : decision.type;
  const options = [
    ...c.suggestions.map((s) => ({
      value: `alias:${s.termId}`,
      label: `Alias of “${s.label}” (${Math.round(s.score * 100)}% like “${s.matched}”)`,
    })),
    { value: "new", label: "New term" },
    { value: "other", label: "Alias of another term…" },
    { value: "skip", label: "Leave unmapped" },
  ];
  return (
    <tr role="row" className="block border-b py-1 align-top sm:table-row" data-testid="unknown-label-row">
      <td
        role="cell"
        className="block pr-3 text-xs text-muted sm:table-cell sm:py-2 sm:text-sm sm:text-inherit"
      >
        {c.kind.toLowerCase()}
      </td>
      <td role="cell" className="block pr-3 sm:table-cell sm:py-2">
        <ul>
          {c.members.map((m) => (
            <li key={m.label}>
              {m.spellings.join(" · ")} <span className="text-xs text-muted">({m.records.length})</span>
            </li>
          ))}
        </ul>
        {c.retired.length ? (
          <span className="block text-xs text-warning">
            Retired term “{c.retired.join("”, “")}”: map it to a live term or restore it
          </span>
        ) : null}
      </td>
      <td role="cell" className="block py-1 sm:table-cell sm:py-2">
        {done ? (
          <span className="text-sm text-success">{done}</span>
        ) : !canMap ? (
          <span className="text-xs">
            {c.suggestions.length
              ? `Probably ${c.suggestions.map((s) => `“${s.label}”`).join(" or ")}`
              : "No similar term"}
          </span>
        ) : (
          <div className="flex flex-wrap items-end gap-2">
            <SelectField
              id={`${uid}-decision`}
              name="decision"
              label={`Decision for “${name}”`}
              hideLabel
              compact
              wrapperClassName="min-w-0 max-w-full"
              className="w-full max-w-full sm:w-auto"
              options={options}
              value={selected}
              onChange={(e) => {
                const v = e.target.value;
                setOther(v === "other");
                const s = c.suggestions.find((o) => `alias:${o.termId}` === v);
                if (s) onDecide({ type: "alias", termId: s.termId, label: s.label });
                else if (v === "new") onDecide({ type: "new", label: c.label });
                else onDecide({ type: "skip" });
              }}
            />
            {decision.type === "new" ? (
              <Field
                id={`${uid}-label`}
                name="label"
                label={`New term for “${name}”`}
                hideLabel
                compact
                value={decision.label}
                onChange={(e) => onDecide({ type: "new", label: e.target.value })}
              />
            ) : null}
            {other ? (
              <VocabularyTermCombobox
                kind={c.kind}
                label={`Map “${name}” to`}
                hideLabel
                value={decision.type === "alias" ? { id: decision.termId, label: decision.label } : null}
                onChange={(t) =>
                  onDecide(t ? { type: "alias", termId: t.id, label: t.label } : { type: "skip" })
                }
              />
            ) : null}
            <Button
              type="button"
              variant="secondary"
              className="px-2 py-1 text-xs"
              disabled={busy || decision.type === "skip"}
              aria-label={`Apply the decision for “${name}”`}
              onClick={onApply}
            >
              Apply
            </Button>
          </div>
        )}
        {errors?.length ? (
          <p role="alert" className="text-xs text-error">
            {errors.join(" ")}
          </p>
        ) : null}
      </td>
    </tr>
  );
}
