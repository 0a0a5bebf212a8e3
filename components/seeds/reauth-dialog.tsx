"use client";

import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

/**
 * Shown when the session ended mid-edit: the editor keeps the text in memory (never browser
 * storage) while the author signs in again here, then it retries the save.
 */
export function ReauthDialog({ onSignedIn }: { onSignedIn: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setPending(true);
    const form = new FormData(e.currentTarget);
    const res = await signIn("credentials", {
      email: String((form.get("email") as string | null) ?? ""),
      password: String((form.get("password") as string | null) ?? ""),
      redirect: false,
    });
    setPending(false);
    if (res?.ok && !res.error) onSignedIn();
    else setError("Sign-in failed. Check your e-mail and password.");
  }
  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-labelledby="reauth-title"
      className="fixed inset-0 z-50 flex items-center justify-center bg-black/40 p-4"
    >
      <form
        onSubmit={submit}
        className="w-full max-w-sm space-y-3 rounded-lg bg-white p-5 shadow-lg"
        noValidate
      >
        <h2 id="reauth-title" className="text-lg font-semibold">
          Your session ended
        </h2>
        <p className="text-sm text-slate-700">
          Your unsaved text is kept on this page. Sign in again and it will be saved.
        </p>
        {error ? (
          <p role="alert" className="text-sm text-error">
            {error}
          </p>
        ) : null}
        <Field label="E-mail" name="email" type="email" autoComplete="username" required />
        <Field label="Password" name="password" type="password" autoComplete="current-password" required />
        <Button type="submit" disabled={pending} className="w-full">
          {pending ? "Signing in…" : "Sign in and save"}
        </Button>
      </form>
    </div>
  );
}
