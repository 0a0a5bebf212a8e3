"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch, asApiError, detailOf } from "@/components/data/api-fetch";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { flagKeyOf, type TFlag } from "@/lib/audits/flags";
import { ZUpdateFlags, type TUpdateFlags } from "@/lib/audits/schemas";

const MAX_FLAGS = 9;

/**
 * Admins rename, add and remove the campaign's error flags. Existing flags keep their key when
 * renamed, so reviews already given stay attached; the server refuses to drop a flag in use.
 */
export function FlagsEditor({ campaignId, flags }: { campaignId: string; flags: TFlag[] }) {
  const router = useRouter();
  const [rows, setRows] = useState<TFlag[]>(flags);
  const [added, setAdded] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const newKey = flagKeyOf(added);
  const addProblem =
    added.trim() === ""
      ? null
      : newKey === ""
        ? "Use letters or digits in the label"
        : rows.some((r) => r.key === newKey)
          ? "A flag with this name exists"
          : rows.length >= MAX_FLAGS
            ? `At most ${MAX_FLAGS} flags (one number key each)`
            : null;

  const save = useMutation({
    mutationFn: (body: TUpdateFlags) =>
      apiFetch(`/api/v1/audits/${campaignId}/flags`, { method: "PUT", body }),
    onMutate: () => setMessage(null),
    onSuccess: () => {
      setMessage({ ok: true, text: "Flags saved" });
      router.refresh();
    },
    onError: (e) => {
      const fieldErrors = Object.values(asApiError(e).fieldErrors).flat();
      setMessage({ ok: false, text: [detailOf(e, "Could not save the flags"), ...fieldErrors].join(" — ") });
      setRows(flags);
    },
  });
  const submit = () => {
    const body = { flags: rows.map((r) => ({ key: r.key, label: r.label.trim() })) };
    // The server's own rules first (a label emptied, two labels alike): the rows stay as typed.
    const checked = ZUpdateFlags.safeParse(body);
    if (!checked.success)
      return setMessage({ ok: false, text: checked.error.issues.map((i) => i.message).join(" — ") });
    save.mutate(body);
  };

  return (
    <form
      aria-label="Error flags"
      className="space-y-2 text-sm"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <ol className="space-y-1">
        {rows.map((r, i) => (
          <li key={r.key} className="flex items-center gap-2">
            <span className="w-5 text-right text-slate-600">{i + 1}</span>
            <Field
              id={`flag-label-${r.key}`}
              name={`flag-${r.key}`}
              label={`Label of flag ${i + 1}`}
              hideLabel
              compact
              wrapperClassName="w-72"
              value={r.label}
              maxLength={100}
              required
              onChange={(e) =>
                setRows(rows.map((x) => (x.key === r.key ? { ...x, label: e.target.value } : x)))
              }
            />
            <Button
              type="button"
              variant="secondary"
              aria-label={`Remove ${r.label}`}
              onClick={() => setRows(rows.filter((x) => x.key !== r.key))}
            >
              Remove
            </Button>
          </li>
        ))}
      </ol>
      <div className="flex items-center gap-2">
        <Field
          id="flag-new"
          name="newFlag"
          label="New flag"
          hideLabel
          compact
          wrapperClassName="w-72"
          placeholder="New flag, e.g. Wrong dosage"
          value={added}
          maxLength={100}
          onChange={(e) => setAdded(e.target.value)}
          errors={addProblem ? [addProblem] : undefined}
        />
        <Button
          type="button"
          variant="secondary"
          disabled={added.trim() === "" || addProblem !== null}
          onClick={() => {
            setRows([...rows, { key: newKey, label: added.trim() }]);
            setAdded("");
          }}
        >
          Add
        </Button>
      </div>
      <Button type="submit" disabled={rows.length === 0 || save.isPending}>
        Save flags
      </Button>
      {message ? (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-success" : "text-error"}>
          {message.text}
        </p>
      ) : null}
    </form>
  );
}
