"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";

type TProblem = { detail?: string; invalid?: { line?: number; item?: number; reason: string }[] };

/** Streams the file to the import API (not a server action: those buffer the body) with progress. */
export function UploadForm() {
  const router = useRouter();
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<TProblem | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const file = form.get("file");
    const rawName = form.get("name");
    const name = typeof rawName === "string" ? rawName.trim() : "";
    if (!(file instanceof File) || file.size === 0) return setError({ detail: "Choose a file" });
    setError(null);
    setDone(null);
    setProgress(0);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/v1/datasets?name=${encodeURIComponent(name || file.name)}`);
    xhr.setRequestHeader("content-type", file.name.endsWith(".json") ? "application/json" : "application/x-ndjson");
    xhr.upload.onprogress = (ev) => {
      if (ev.lengthComputable) setProgress(Math.round((ev.loaded / ev.total) * 100));
    };
    xhr.onload = () => {
      setProgress(null);
      let body: TProblem & { id?: string; count?: number; duplicates?: number } = {};
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        body = { detail: `Upload failed (${xhr.status})` };
      }
      if (xhr.status === 201) {
        setDone(`Imported ${body.count ?? 0} records (${body.duplicates ?? 0} duplicates skipped).`);
        router.refresh();
      } else setError(body);
    };
    xhr.onerror = () => {
      setProgress(null);
      setError({ detail: "The upload was interrupted" });
    };
    xhr.send(file);
  };

  return (
    <form onSubmit={onSubmit} className="space-y-3" aria-label="Import a dataset">
      <label className="block text-sm">
        Name
        <input name="name" className="mt-1 block w-full rounded border border-slate-500 px-2 py-1" maxLength={200} />
      </label>
      <label className="block text-sm">
        File (JSONL or a JSON array of instruction, input, output)
        <input name="file" type="file" accept=".jsonl,.json,.ndjson" className="mt-1 block" />
      </label>
      <Button type="submit" disabled={progress !== null}>
        Import
      </Button>
      {progress !== null ? <progress max={100} value={progress} className="block w-full" aria-label="Upload progress" /> : null}
      {done ? (
        <p role="status" className="text-sm text-green-800" data-testid="import-done">
          {done}
        </p>
      ) : null}
      {error ? (
        <div role="alert" className="text-sm text-red-800">
          <p>{error.detail}</p>
          {error.invalid ? (
            <ul className="list-disc pl-5">
              {error.invalid.map((x, i) => (
                <li key={i}>
                  {x.line !== undefined ? `Line ${x.line}` : `Item ${x.item ?? "?"}`}: {x.reason}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
