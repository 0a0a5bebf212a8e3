"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { phiKindLabel } from "@/lib/phi/labels";
import { readSnapshot } from "@/lib/seeds/seed-snapshot";
import { conflictRows, snapshotToEditor } from "./conflict-rows";
import { DifficultyRubric } from "./difficulty-rubric";
import { NewSeedHeading } from "./new-seed-heading";
import { ReauthDialog } from "./reauth-dialog";
import { saveThenSubmit, type TSaved } from "./save-then-submit";
import { discardSeedDraftAction } from "@/lib/seeds/draft-actions";
import type { TEditorConflict } from "./restore-draft";
import { fieldErrorsOf, seedApi, textOf } from "./seed-api";
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

/** Whether a never-saved form holds anything worth keeping (then its first autosave creates the seed). */
function hasContent(f: TEditorFields): boolean {
  return Object.values(f).some((v) => v.trim() !== "");
}

function liveErrors(f: TEditorFields): Record<string, string> {
  const e: Record<string, string> = {};
  if (!f.instruction.trim()) e.instruction = "Write the instruction";
  else if (f.instruction.length > 10_000) e.instruction = "At most 10,000 characters";
  if (f.input.length > 20_000) e.input = "At most 20,000 characters";
  if (f.input.trim() === "<noinput>") e.input = "Leave the input empty instead of writing <noinput>";
  return e;
}

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
  const [fields, setFields] = useState<TEditorFields>({ ...EMPTY, ...initial });
  const [id, setId] = useState(seedId);
  const [version, setVersion] = useState(initialVersion ?? 0);
  const [dirty, setDirty] = useState(initialDirty ?? false);
  const [message, setMessage] = useState<{ tone: "success" | "error" | "warning"; text: string } | null>(
    savedVersion === initialVersion && savedVersion ? { tone: "success", text: `Saved version ${savedVersion}.` } : null,
  );
  // The confirmation is shown once: the address goes back to the seed's own, so a reload or a
  // shared link does not repeat it.
  useEffect(() => {
    if (savedVersion) window.history.replaceState(null, "", window.location.pathname);
  }, [savedVersion]);
  const [serverErrors, setServerErrors] = useState<Record<string, string[]>>({});
  const [phi, setPhi] = useState<TPhiWarning[]>(initialPhi ?? []);
  const [conflict, setConflict] = useState<TEditorConflict | null>(initialConflict ?? null);
  const [needSignIn, setNeedSignIn] = useState<TPending>(null);
  const [similar, setSimilar] = useState<TSimilar[]>([]);
  const [autosaved, setAutosaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // User edits, counted: an autosave is due while the count is ahead of the last one the server has.
  const [edits, setEdits] = useState(0);
  const fieldsRef = useRef(fields);
  fieldsRef.current = fields;
  const editsRef = useRef(edits);
  editsRef.current = edits;
  const syncedRef = useRef(0);
  // Read by callbacks that outlive a render (an autosave answering after the user typed on).
  const idRef = useRef(seedId);
  const versionRef = useRef(initialVersion ?? 0);
  const savingRef = useRef(false);
  // The autosave in flight: a save waits for it, so an autosave never lands after the save (it
  // would leave a draft of the old version behind) and the first one's new seed is saved onto.
  const autosavingRef = useRef<Promise<void> | null>(null);
  // What the autosave that created a new seed sent, with the seed it created.
  const createdRef = useRef<{ saved: TSaved; sent: TEditorFields } | null>(null);
  // Opened on /seeds/new: the first explicit save (or submit) opens the seed's own page.
  const onNewPage = !seedId;
  const adopt = useCallback((savedId: string, savedVersion: number) => {
    idRef.current = savedId;
    versionRef.current = savedVersion;
    setId(savedId);
    setVersion(savedVersion);
  }, []);
  const edited = () => {
    setDirty(true);
    setEdits((n) => n + 1);
  };

  const live = liveErrors(fields);
  const set = (k: keyof TEditorFields) => (e: { target: { value: string } }) => {
    setFields((f) => ({ ...f, [k]: e.target.value }));
    edited();
  };
  const errorOf = (k: string) => serverErrors[k]?.join(" ") ?? (dirty || Object.keys(serverErrors).length ? live[k] : undefined);

  // The first autosave of a never-saved seed creates it server-side as a private draft (version
  // 1): closing the tab then loses nothing, and the address names the seed, so reopening (or
  // restoring the tab) shows it. Later autosaves keep the unsaved text in its SeedDraft row.
  const runAutosave = useCallback(async (sent: TEditorFields, seq: number) => {
    const currentId = idRef.current;
    const res = currentId
      ? await seedApi("PUT", `/api/v1/seeds/${currentId}/draft`, { baseVersion: versionRef.current, payload: sent })
      : await seedApi("POST", "/api/v1/seeds", sent);
    if (res.status === 401) return setAutosaved("Not autosaved: signed out");
    if (currentId) {
      if (res.status === 200) syncedRef.current = Math.max(syncedRef.current, seq);
      return setAutosaved(res.status === 200 ? `Autosaved ${new Date().toLocaleTimeString()}` : null);
    }
    if (res.status !== 201 || typeof res.body.id !== "string") return setAutosaved("Not autosaved: fix the highlighted fields, or save");
    const saved = { id: res.body.id, version: Number(res.body.version) || 1 };
    createdRef.current = { saved, sent };
    adopt(saved.id, saved.version);
    syncedRef.current = Math.max(syncedRef.current, seq);
    if (fieldsRef.current === sent) setDirty(false);
    setPhi(Array.isArray(res.body.phiWarnings) ? (res.body.phiWarnings as TPhiWarning[]) : []);
    setAutosaved(`Autosaved ${new Date().toLocaleTimeString()} as a private draft`);
    window.history.replaceState(null, "", `/seeds/${saved.id}`);
  }, [adopt]);

  // Never a version once the seed exists; one at a time (after the one in flight, with the text
  // as it is then), and never while a save runs.
  const autosave = useCallback(async () => {
    while (autosavingRef.current) await autosavingRef.current.catch(() => undefined);
    if (savingRef.current || editsRef.current <= syncedRef.current) return;
    const run = runAutosave(fieldsRef.current, editsRef.current).finally(() => {
      autosavingRef.current = null;
    });
    autosavingRef.current = run;
    await run;
  }, [runAutosave]);

  // baseOverride: after a conflict, the user chose to record their text on top of the latest version.
  // stay: a new seed's first save does not open its page yet (submit does so after submitting).
  // Returns the id with the version, since a new seed's id is not in this render's state yet.
  const save = useCallback(async (baseOverride?: number, stay = false): Promise<TSaved | null> => {
    if (Object.keys(liveErrors(fieldsRef.current)).length) {
      setMessage({ tone: "error", text: "Fix the highlighted fields first." });
      return null;
    }
    setBusy(true);
    savingRef.current = true;
    try {
      // The first autosave may be creating the seed right now: save onto it, never a second seed.
      if (autosavingRef.current) await autosavingRef.current.catch(() => undefined);
      const created = createdRef.current;
      const sent = fieldsRef.current;
      const seq = editsRef.current;
      const done = (saved: TSaved) => {
        syncedRef.current = Math.max(syncedRef.current, seq);
        if (fieldsRef.current === sent) setDirty(false);
        setMessage({ tone: "success", text: `Saved version ${saved.version}.` });
        if (onNewPage && !stay) router.replace(`/seeds/${saved.id}?saved=${saved.version}`);
        return saved;
      };
      // Nothing typed since the autosave that created the seed: that version is this save.
      if (created && created.sent === sent && created.saved.id === idRef.current && created.saved.version === versionRef.current && baseOverride === undefined) {
        return done(created.saved);
      }
      const currentId = idRef.current;
      const res = currentId
        ? await seedApi("PUT", `/api/v1/seeds/${currentId}`, { ...sent, baseVersion: baseOverride ?? versionRef.current })
        : await seedApi("POST", "/api/v1/seeds", sent);
      if (res.status === 401) {
        setNeedSignIn("save");
        return null;
      }
      if (res.status === 409 && typeof res.body.currentVersion === "number") {
        setConflict({
          currentVersion: res.body.currentVersion,
          current: res.body.current ?? {},
          savedBy: typeof res.body.savedBy === "string" ? res.body.savedBy : undefined,
        });
        setMessage({ tone: "warning", text: textOf(res.body.detail, "Someone else saved first.") });
        return null;
      }
      if (res.status >= 400) {
        setServerErrors(fieldErrorsOf(res.body));
        setMessage({ tone: "error", text: textOf(res.body.detail, "Could not save.") });
        return null;
      }
      const saved = { id: currentId ?? textOf(res.body.id, ""), version: Number(res.body.version) };
      setServerErrors({});
      setConflict(null);
      adopt(saved.id, saved.version);
      setPhi(Array.isArray(res.body.phiWarnings) ? (res.body.phiWarnings as TPhiWarning[]) : []);
      return done(saved);
    } finally {
      savingRef.current = false;
      setBusy(false);
    }
  }, [adopt, onNewPage, router]);

  const submit = useCallback(async () => {
    const isNew = onNewPage;
    await saveThenSubmit({ id: idRef.current, version: versionRef.current, dirty }, () => save(undefined, true), async (saved) => {
      setBusy(true);
      const res = await seedApi("POST", `/api/v1/seeds/${saved.id}/submit`, { baseVersion: saved.version });
      setBusy(false);
      if (res.status === 401) return setNeedSignIn("submit");
      if (res.status >= 400) {
        setServerErrors(fieldErrorsOf(res.body));
        setMessage({ tone: "error", text: textOf(res.body.detail, "Could not submit.") });
        // The seed is saved: the address names it, so a reload opens it rather than a blank form.
        if (isNew) window.history.replaceState(null, "", `/seeds/${saved.id}`);
        return;
      }
      setMessage({ tone: "success", text: "Submitted for review." });
      if (isNew) router.replace(`/seeds/${saved.id}`);
      else router.refresh();
    });
  }, [dirty, onNewPage, save, router]);

  // Ctrl/Cmd+S saves instead of the browser's "save page".
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") {
        e.preventDefault();
        void save();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [save]);

  // Autosave a few seconds after typing stops, when the server lacks the latest edits (also once
  // a save that was running when they were typed has finished).
  useEffect(() => {
    if (busy || edits <= syncedRef.current) return;
    if (!idRef.current && !hasContent(fieldsRef.current)) return;
    const t = setTimeout(() => void autosave(), 3_000);
    return () => clearTimeout(t);
  }, [edits, busy, autosave]);

  // The most similar existing seeds, refreshed while typing.
  useEffect(() => {
    const text = fields.instruction.trim();
    if (text.length < 12) return;
    const t = setTimeout(() => {
      const q = new URLSearchParams({ text, ...(id ? { excludeId: id } : {}) });
      void seedApi("GET", `/api/v1/seeds/similar?${q.toString()}`).then((r) => {
        if (r.status === 200 && Array.isArray(r.body.similar)) setSimilar(r.body.similar as TSimilar[]);
      });
    }, 600);
    return () => clearTimeout(t);
  }, [fields.instruction, id]);

  const nearDuplicate = similar.some((s) => s.score > 0.7);
  const options = (kind: string) => [{ id: "", label: "Choose…" }, ...terms.filter((t) => t.kind === kind)];
  const input = "block w-full rounded-md border border-slate-500 bg-white px-3 py-2 text-sm";
  const fieldBlock = (k: keyof TEditorFields, label: string, el: React.ReactNode, hint?: string) => (
    <div className="space-y-1">
      <label htmlFor={`seed-${k}`} className="block text-sm font-medium">
        {label}
      </label>
      {el}
      {hint ? <p className="text-xs text-slate-600">{hint}</p> : null}
      {errorOf(k) ? (
        <p role="alert" id={`seed-${k}-error`} className="text-sm text-error">
          {errorOf(k)}
        </p>
      ) : null}
    </div>
  );
  const select = (k: "topicId" | "viewId" | "typeId", kind: string, label: string) =>
    fieldBlock(
      k,
      label,
      <select id={`seed-${k}`} value={fields[k]} onChange={set(k)} className={input}>
        {options(kind).map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>,
    );
  const area = (k: keyof TEditorFields, label: string, rows: number, hint?: string) =>
    fieldBlock(
      k,
      label,
      <textarea id={`seed-${k}`} value={fields[k]} onChange={set(k)} rows={rows} className={input} aria-invalid={Boolean(errorOf(k)) || undefined} />,
      hint,
    );

  return (
    <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
      {onNewPage ? (
        <div className="lg:col-span-2">
          <NewSeedHeading seedId={id} version={version} />
        </div>
      ) : null}
      <form
        className="space-y-4"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="grid gap-4 sm:grid-cols-3">
          {select("topicId", "TOPIC", "Topic")}
          {select("viewId", "VIEW", "View (whose perspective)")}
          {select("typeId", "TYPE", "Type (task format)")}
        </div>
        {area("instruction", "Instruction", 4)}
        {area("input", "Input (optional context)", 4, "Leave empty when the task needs no input; it is exported as <noinput>.")}
        {fieldBlock(
          "difficulty",
          "Difficulty (1–5)",
          <select id="seed-difficulty" value={fields.difficulty} onChange={set("difficulty")} className={input}>
            <option value="">Choose…</option>
            {[1, 2, 3, 4, 5].map((d) => (
              <option key={d} value={String(d)}>
                {d}
              </option>
            ))}
          </select>,
        )}
        {area("referenceAnswer", "Reference answer (optional)", 4)}
        {fieldBlock(
          "specialtyTags",
          "Specialty tags (comma separated)",
          <input id="seed-specialtyTags" value={fields.specialtyTags} onChange={set("specialtyTags")} className={input} />,
        )}
        {area("authorNotes", "Notes for reviewers (optional)", 2)}
        {nearDuplicate || fields.duplicateReason || serverErrors.duplicateReason
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
              setFields((f) => ({ ...f, [row.field]: row.theirsValue }));
              edited();
            }}
            onTakeAll={() => {
              setFields(snapshotToEditor(readSnapshot(conflict.current as Parameters<typeof readSnapshot>[0])));
              versionRef.current = conflict.currentVersion;
              setVersion(conflict.currentVersion);
              setConflict(null);
              setDirty(false);
              syncedRef.current = editsRef.current;
              // The autosaved copy of the discarded text goes too, or the next visit would restore it.
              // After any autosave still in flight, so it cannot land behind the discard.
              const id = idRef.current;
              if (id) void (autosavingRef.current ?? Promise.resolve()).catch(() => undefined).then(() => discardSeedDraftAction(id));
              setMessage({ tone: "success", text: `Loaded version ${conflict.currentVersion}; your unsaved text was discarded.` });
            }}
            onSaveMine={() => void save(conflict.currentVersion)}
          />
        ) : null}
        {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={busy}>
            Save
          </Button>
          {status === undefined || status === "DRAFT" || status === "CHANGES_REQUESTED" ? (
            <Button type="button" variant="secondary" disabled={busy} onClick={() => void submit()}>
              Submit for review
            </Button>
          ) : null}
          <span className="text-xs text-slate-600" aria-live="polite">
            {version ? `Version ${version}` : "Not saved yet"}
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
            void (retry === "submit" ? submit() : save());
          }}
        />
      ) : null}
    </div>
  );
}
