"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { type Resolver, useForm, useWatch } from "react-hook-form";
import { ApiError, apiFetch } from "@/components/data/api-fetch";
import { useAutosave } from "@/components/data/use-autosave";
import { useDebounced } from "@/components/data/use-debounced";
import { Button } from "@/components/ui/button";
import { Field, SelectField, TextAreaField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { phiKindLabel } from "@/lib/phi/labels";
import { ZSeedEditorForm } from "@/lib/seeds/schemas";
import { readSnapshot } from "@/lib/seeds/seed-snapshot";
import { conflictRows, snapshotToEditor } from "./conflict-rows";
import { DifficultyRubric } from "./difficulty-rubric";
import { NewSeedHeading } from "./new-seed-heading";
import { ReauthDialog } from "./reauth-dialog";
import type { TEditorConflict } from "./restore-draft";
import { saveThenSubmit, type TSaved } from "./save-then-submit";
import { SeedConflict } from "./seed-conflict";
import { SimilarSeeds, type TSimilar } from "./similar-seeds";

export type TEditorFields = {
  topicId: string;
  viewId: string;
  typeId: string;
  instruction: string;
  input: string;
  difficulty: string;
  referenceAnswer: string;
  specialtyTags: string;
  authorNotes: string;
  duplicateReason: string;
};
type TTerm = { id: string; label: string; kind: string };
type TPending = "save" | "submit" | null;
export type TPhiWarning = { field: string; kind: string; text: string };
type TMessage = { tone: "success" | "error" | "warning"; text: string };
type TSavedBody = { id?: unknown; version?: unknown; phiWarnings?: unknown };

const EMPTY: TEditorFields = {
  topicId: "",
  viewId: "",
  typeId: "",
  instruction: "",
  input: "",
  difficulty: "",
  referenceAnswer: "",
  specialtyTags: "",
  authorNotes: "",
  duplicateReason: "",
};
const FIELD_NAMES = Object.keys(EMPTY) as (keyof TEditorFields)[];
// The server's rules on the editor's strings (a narrower shape of what the schema accepts); raw:
// the form keeps what was typed, the server applies the transforms.
const resolver = zodResolver(ZSeedEditorForm, undefined, { raw: true }) as Resolver<TEditorFields>;

/** Whether a never-saved form holds anything worth keeping (then its first autosave creates the seed). */
function hasContent(f: TEditorFields): boolean {
  return Object.values(f).some((v) => v.trim() !== "");
}
const same = (a: TEditorFields, b: TEditorFields) => JSON.stringify(a) === JSON.stringify(b);
const phiOf = (body: TSavedBody): TPhiWarning[] =>
  Array.isArray(body.phiWarnings) ? (body.phiWarnings as TPhiWarning[]) : [];
const detailOr = (e: ApiError, fallback: string) =>
  typeof e.body.detail === "string" ? e.body.detail : e.isNetwork ? e.message : fallback;
const asApiError = (e: unknown) =>
  e instanceof ApiError ? e : new ApiError(0, "The network failed. Try again.");

export function SeedEditor({
  terms,
  seedId,
  initial,
  initialVersion,
  initialPhi,
  initialDirty,
  initialConflict,
  status,
  savedVersion,
}: {
  terms: TTerm[];
  seedId?: string;
  initial?: Partial<TEditorFields>;
  initialVersion?: number;
  /** Open findings in the saved text, so the warning survives a reload and the first save's redirect. */
  initialPhi?: TPhiWarning[];
  /** Restored autosaved text is unsaved: saving (and submitting, which saves first) includes it. */
  initialDirty?: boolean;
  /** An autosave based on an older version than the seed's: shown as a stale save's conflict. */
  initialConflict?: TEditorConflict | null;
  status?: string;
  /** A new seed's first save just opened this page (?saved=N): its confirmation survives the redirect. */
  savedVersion?: number;
}) {
  const router = useRouter();
  // The fields, their validation (the server's zod rules) and their errors (the server's too, after a refusal).
  const form = useForm<TEditorFields>({
    defaultValues: { ...EMPTY, ...initial },
    resolver,
    mode: "onChange",
  });
  const fields = useWatch({ control: form.control }) as TEditorFields;
  const { errors } = form.formState;
  const [seed, setSeed] = useState<{ id: string | undefined; version: number }>({
    id: seedId,
    version: initialVersion ?? 0,
  });
  const [dirty, setDirty] = useState(initialDirty ?? false);
  const [message, setMessage] = useState<TMessage | null>(
    savedVersion === initialVersion && savedVersion
      ? { tone: "success", text: `Saved version ${savedVersion}.` }
      : null,
  );
  // The confirmation is shown once: the address goes back to the seed's own, so a reload or a
  // shared link does not repeat it.
  useEffect(() => {
    if (savedVersion) window.history.replaceState(null, "", window.location.pathname);
  }, [savedVersion]);
  const [phi, setPhi] = useState<TPhiWarning[]>(initialPhi ?? []);
  const [conflict, setConflict] = useState<TEditorConflict | null>(initialConflict ?? null);
  const [needSignIn, setNeedSignIn] = useState<TPending>(null);
  const [autosaved, setAutosaved] = useState<string | null>(null);
  // Read by callbacks that outlive a render (an autosave answering after the user typed on).
  const seedRef = useRef(seed);
  // What the autosave that created a new seed sent, with the seed it created.
  const createdRef = useRef<{ saved: TSaved; sent: TEditorFields } | null>(null);
  // Opened on /seeds/new: the first explicit save (or submit) opens the seed's own page.
  const onNewPage = !seedId;
  const adopt = useCallback((saved: { id: string | undefined; version: number }) => {
    seedRef.current = saved;
    setSeed(saved);
  }, []);
  const showServerErrors = (e: ApiError) => {
    for (const [k, v] of Object.entries(e.fieldErrors))
      form.setError(k as keyof TEditorFields, { type: "server", message: v.join(" ") });
  };

  // The first autosave of a never-saved seed creates it server-side as a private draft (version
  // 1): closing the tab then loses nothing, and the address names the seed, so reopening (or
  // restoring the tab) shows it. Later autosaves keep the unsaved text in its SeedDraft row.
  const runAutosave = async (sent: TEditorFields): Promise<boolean> => {
    const currentId = seedRef.current.id;
    if (!currentId && !hasContent(sent)) return true;
    try {
      if (currentId) {
        await apiFetch(`/api/v1/seeds/${currentId}/draft`, {
          method: "PUT",
          body: { baseVersion: seedRef.current.version, payload: sent },
        });
        setAutosaved(`Autosaved ${new Date().toLocaleTimeString()}`);
        return true;
      }
      const body = await apiFetch<TSavedBody>("/api/v1/seeds", { method: "POST", body: sent });
      if (typeof body?.id !== "string") throw new ApiError(500, "No id");
      const saved = { id: body.id, version: Number(body.version) || 1 };
      createdRef.current = { saved, sent };
      adopt(saved);
      if (same(form.getValues(), sent)) setDirty(false);
      setPhi(phiOf(body));
      setAutosaved(`Autosaved ${new Date().toLocaleTimeString()} as a private draft`);
      window.history.replaceState(null, "", `/seeds/${saved.id}`);
      return true;
    } catch (e) {
      const err = asApiError(e);
      setAutosaved(
        err.status === 401
          ? "Not autosaved: signed out"
          : currentId
            ? null
            : "Not autosaved: fix the highlighted fields, or save",
      );
      return false;
    }
  };
  // A few seconds after typing stops; one at a time, and never beside a save (which waits for the one in flight).
  const autosave = useAutosave<TEditorFields>({ delayMs: 3_000, save: runAutosave });
  const edited = () => {
    setDirty(true);
    autosave.changed(form.getValues());
  };

  // baseOverride: after a conflict, the user chose to record their text on top of the latest version.
  // stay: a new seed's first save does not open its page yet (submit does so after submitting).
  // Returns the id with the version, since a new seed's id may not be in this render's state yet.
  const saveSeed = async ({
    baseOverride,
    stay = false,
  }: {
    baseOverride?: number;
    stay?: boolean;
  }): Promise<TSaved | null> => {
    if (!(await form.trigger())) {
      setMessage({ tone: "error", text: "Fix the highlighted fields first." });
      return null;
    }
    // The first autosave may be creating the seed right now: save onto it, never a second seed.
    return autosave.hold(async (seq) => {
      const created = createdRef.current;
      const sent = form.getValues();
      const done = (saved: TSaved) => {
        autosave.markSynced(seq);
        if (same(form.getValues(), sent)) setDirty(false);
        setMessage({ tone: "success", text: `Saved version ${saved.version}.` });
        if (onNewPage && !stay) router.replace(`/seeds/${saved.id}?saved=${saved.version}`);
        return saved;
      };
      const current = seedRef.current;
      // Nothing typed since the autosave that created the seed: that version is this save.
      if (
        created &&
        same(created.sent, sent) &&
        created.saved.id === current.id &&
        created.saved.version === current.version &&
        baseOverride === undefined
      ) {
        return done(created.saved);
      }
      try {
        const body = current.id
          ? await apiFetch<TSavedBody>(`/api/v1/seeds/${current.id}`, {
              method: "PUT",
              body: { ...sent, baseVersion: baseOverride ?? current.version },
            })
          : await apiFetch<TSavedBody>("/api/v1/seeds", { method: "POST", body: sent });
        const saved = {
          id: current.id ?? (typeof body?.id === "string" ? body.id : ""),
          version: Number(body?.version),
        };
        form.clearErrors();
        setConflict(null);
        adopt(saved);
        setPhi(phiOf(body ?? {}));
        return done(saved);
      } catch (e) {
        const err = asApiError(e);
        if (err.status === 401) setNeedSignIn("save");
        else if (err.status === 409 && typeof err.body.currentVersion === "number") {
          setConflict({
            currentVersion: err.body.currentVersion,
            current: err.body.current ?? {},
            savedBy: typeof err.body.savedBy === "string" ? err.body.savedBy : undefined,
          });
          setMessage({ tone: "warning", text: detailOr(err, "Someone else saved first.") });
        } else {
          showServerErrors(err);
          setMessage({ tone: "error", text: detailOr(err, "Could not save.") });
        }
        return null;
      }
    });
  };
  const save = useMutation({ mutationFn: saveSeed });

  const submitSeed = async () => {
    const isNew = onNewPage;
    const current = seedRef.current;
    await saveThenSubmit(
      { id: current.id, version: current.version, dirty },
      () => save.mutateAsync({ stay: true }),
      async (saved) => {
        try {
          await apiFetch(`/api/v1/seeds/${saved.id}/submit`, {
            method: "POST",
            body: { baseVersion: saved.version },
          });
        } catch (e) {
          const err = asApiError(e);
          if (err.status === 401) return setNeedSignIn("submit");
          showServerErrors(err);
          setMessage({ tone: "error", text: detailOr(err, "Could not submit.") });
          // The seed is saved: the address names it, so a reload opens it rather than a blank form.
          if (isNew) window.history.replaceState(null, "", `/seeds/${saved.id}`);
          return;
        }
        setMessage({ tone: "success", text: "Submitted for review." });
        if (isNew) router.replace(`/seeds/${saved.id}`);
        else router.refresh();
      },
    );
  };
  const submit = useMutation({ mutationFn: submitSeed });
  const busy = save.isPending || submit.isPending;

  // Ctrl/Cmd+S saves instead of the browser's "save page".
  const saveRef = useRef(save.mutate);
  useEffect(() => {
    saveRef.current = save.mutate;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") {
        e.preventDefault();
        saveRef.current({});
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  // The most similar existing seeds, refreshed while typing.
  const similarText = useDebounced(fields.instruction.trim(), 600);
  const similarQuery = useQuery({
    queryKey: ["seeds", "similar", similarText, seed.id ?? null],
    queryFn: () => {
      const q = new URLSearchParams({ text: similarText, ...(seed.id ? { excludeId: seed.id } : {}) });
      return apiFetch<{ similar?: TSimilar[] }>(`/api/v1/seeds/similar?${q.toString()}`);
    },
    enabled: similarText.length >= 12,
    placeholderData: keepPreviousData,
  });
  const similar = similarQuery.data?.similar ?? [];

  const nearDuplicate = similar.some((s) => s.score > 0.7);
  const errorsOf = (k: keyof TEditorFields) => (errors[k]?.message ? [errors[k].message] : undefined);
  const bind = (k: keyof TEditorFields) => ({
    id: `seed-${k}`,
    name: k,
    value: fields[k],
    onChange: (e: { target: { value: string } }) => {
      form.setValue(k, e.target.value, { shouldValidate: true, shouldDirty: true });
      edited();
    },
  });
  const options = (kind: string) => [
    { value: "", label: "Choose…" },
    ...terms.filter((t) => t.kind === kind).map((t) => ({ value: t.id, label: t.label })),
  ];
  const area = (k: keyof TEditorFields, label: string, rows: number, hint?: string) => (
    <TextAreaField {...bind(k)} label={label} rows={rows} hint={hint} errors={errorsOf(k)} />
  );
  const select = (k: "topicId" | "viewId" | "typeId", kind: string, label: string) => (
    <SelectField {...bind(k)} label={label} options={options(kind)} errors={errorsOf(k)} />
  );

  return (
    <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
      {onNewPage ? (
        <div className="lg:col-span-2">
          <NewSeedHeading seedId={seed.id} version={seed.version} />
        </div>
      ) : null}
      <form
        className="space-y-4"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({});
        }}
      >
        <div className="grid gap-4 sm:grid-cols-3">
          {select("topicId", "TOPIC", "Topic")}
          {select("viewId", "VIEW", "View (whose perspective)")}
          {select("typeId", "TYPE", "Type (task format)")}
        </div>
        {area("instruction", "Instruction", 4)}
        {area(
          "input",
          "Input (optional context)",
          4,
          "Leave empty when the task needs no input; it is exported as <noinput>.",
        )}
        <SelectField
          {...bind("difficulty")}
          label="Difficulty (1–5)"
          options={[
            { value: "", label: "Choose…" },
            ...[1, 2, 3, 4, 5].map((d) => ({ value: String(d), label: String(d) })),
          ]}
          errors={errorsOf("difficulty")}
        />
        {area("referenceAnswer", "Reference answer (optional)", 4)}
        <Field
          {...bind("specialtyTags")}
          label="Specialty tags (comma separated)"
          errors={errorsOf("specialtyTags")}
        />
        {area("authorNotes", "Notes for reviewers (optional)", 2)}
        {nearDuplicate || fields.duplicateReason || errors.duplicateReason
          ? area("duplicateReason", "Why this seed is needed despite a similar one", 2)
          : null}
        {phi.length ? (
          <Notice tone="warning" title="Possible patient identifiers">
            <ul className="list-disc pl-5">
              {phi.map((p) => (
                <li key={`${p.field}-${p.kind}-${p.text}`}>
                  {p.field}: {phiKindLabel(p.kind)} “{p.text}”
                </li>
              ))}
            </ul>
            <p>Remove them, or a reviewer must rule each a false positive before approval.</p>
          </Notice>
        ) : null}
        {conflict ? (
          <SeedConflict
            currentVersion={conflict.currentVersion}
            savedBy={conflict.savedBy}
            rows={conflictRows(conflict.current, fields, terms)}
            busy={busy}
            onTake={(row) => {
              form.setValue(row.field, row.theirsValue, { shouldValidate: true });
              edited();
            }}
            onTakeAll={() => {
              const theirs = snapshotToEditor(
                readSnapshot(conflict.current as Parameters<typeof readSnapshot>[0]),
              );
              for (const k of FIELD_NAMES) form.setValue(k, theirs[k] ?? "");
              form.clearErrors();
              const id = seedRef.current.id;
              adopt({ id, version: conflict.currentVersion });
              setConflict(null);
              setDirty(false);
              autosave.discard();
              // The autosaved copy of the discarded text goes too, or the next visit would restore it.
              // After any autosave still in flight, so it cannot land behind the discard.
              // Best effort, as before: a draft left behind is offered again, never lost.
              if (id)
                void autosave
                  .settled()
                  .then(() => apiFetch(`/api/v1/seeds/${encodeURIComponent(id)}/draft`, { method: "DELETE" }))
                  .catch(() => undefined);
              setMessage({
                tone: "success",
                text: `Loaded version ${conflict.currentVersion}; your unsaved text was discarded.`,
              });
            }}
            onSaveMine={() => save.mutate({ baseOverride: conflict.currentVersion })}
          />
        ) : null}
        {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={busy}>
            Save
          </Button>
          {status === undefined || status === "DRAFT" || status === "CHANGES_REQUESTED" ? (
            <Button type="button" variant="secondary" disabled={busy} onClick={() => submit.mutate()}>
              Submit for review
            </Button>
          ) : null}
          <span className="text-xs text-muted" aria-live="polite">
            {seed.version ? `Version ${seed.version}` : "Not saved yet"}
            {dirty ? " · unsaved changes (Ctrl/Cmd+S saves)" : ""}
            {autosaved ? ` · ${autosaved}` : ""}
          </span>
        </div>
      </form>
      <div className="space-y-4">
        <DifficultyRubric selected={fields.difficulty ? Number(fields.difficulty) : null} />
        <SimilarSeeds similar={similar} />
      </div>
      {needSignIn ? (
        <ReauthDialog
          onSignedIn={() => {
            const retry = needSignIn;
            setNeedSignIn(null);
            if (retry === "submit") submit.mutate();
            else save.mutate({});
          }}
        />
      ) : null}
    </div>
  );
}
