"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";

const MESSAGES: Record<string, string> = {
  CredentialsSignin: "The e-mail address or password is not right.",
  Throttled: "Too many failed attempts. Wait a few minutes and try again.",
  AccessDenied: "Your hospital account has no ClinReview access yet. Ask an administrator for an invitation.",
  SessionRequired: "Sign in to continue.",
  Unavailable: "ClinReview cannot reach its database just now. Try again in a minute.",
};

export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const router = useRouter();
  const [error, setError] = useState(
    initialError ? (MESSAGES[initialError] ?? "Sign-in failed. Try again.") : null,
  );
  const [pending, setPending] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setPending(true);
    setError(null);
    const form = new FormData(e.currentTarget);
    const res = await signIn("credentials", {
      email: String((form.get("email") as string | null) ?? ""),
      password: String((form.get("password") as string | null) ?? ""),
      redirect: false,
    });
    setPending(false);
    if (res?.ok && !res.error) {
      router.replace(callbackUrl);
      router.refresh();
    } else {
      // Only our own codes are shown; anything else (next-auth passes thrown messages through) is generic.
      setError(MESSAGES[res?.error ?? ""] ?? "Sign-in failed. Try again.");
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error ? <Notice tone="error">{error}</Notice> : null}
      <Field label="E-mail" name="email" type="email" autoComplete="username" required />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}

export function SsoButton({ label, callbackUrl }: { label: string; callbackUrl: string }) {
  return (
    <Button
      type="button"
      variant="secondary"
      className="w-full"
      onClick={() => void signIn("oidc", { callbackUrl })}
    >
      {label}
    </Button>
  );
}
