"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type Resolver, useForm } from "react-hook-form";
import { apiFetch, detailOf } from "@/components/data/api-fetch";
import { applyFieldErrors, messagesOf } from "@/components/data/server-form";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { ZInviteUser } from "@/lib/users/schemas";

const ROLES = [
  { value: "CLINICIAN", label: "Clinician" },
  { value: "RESEARCHER", label: "Researcher" },
  { value: "ADMIN", label: "Admin" },
];

type TFields = { email: string; role: string };
type TInvited = { url: string; expiresAt: string; mailed: boolean; email: string };
const resolver = zodResolver(ZInviteUser, undefined, { raw: true }) as Resolver<TFields>;

export function InviteForm() {
  const router = useRouter();
  const form = useForm<TFields>({ defaultValues: { email: "", role: "CLINICIAN" }, resolver });
  const invite = useMutation({
    mutationFn: (v: TFields) => apiFetch<TInvited>("/api/v1/users", { method: "POST", body: v }),
    onSuccess: () => {
      form.reset();
      // The open invitations listed on the page.
      router.refresh();
    },
    onError: (e) => applyFieldErrors(e, ["email", "role"], form.setError),
  });
  const { errors } = form.formState;
  const fieldRefusal = invite.isError && Object.keys(errors).length > 0;
  return (
    <div className="space-y-4">
      <form
        onSubmit={form.handleSubmit((v) => invite.mutate(v))}
        noValidate
        className="grid gap-4 sm:grid-cols-[2fr_1fr_auto] sm:items-end"
      >
        <Field
          label="E-mail address"
          type="email"
          required
          errors={messagesOf(errors, "email")}
          {...form.register("email")}
        />
        <SelectField
          label="Role"
          options={ROLES}
          errors={messagesOf(errors, "role")}
          {...form.register("role")}
        />
        <Button type="submit" disabled={invite.isPending}>
          Invite
        </Button>
      </form>
      {invite.isError && !fieldRefusal ? (
        <Notice tone="error">{detailOf(invite.error, "Something went wrong. Try again.")}</Notice>
      ) : null}
      {invite.isSuccess ? (
        <Notice tone="success" title={`Invitation for ${invite.data.email}`}>
          <p>
            {invite.data.mailed ? "It was e-mailed. " : "No mail was sent (no SMTP configured): "}
            Copy this single-use link to the invitee. It expires{" "}
            {new Date(invite.data.expiresAt).toLocaleString()}.
          </p>
          <Field
            name="inviteLink"
            label="Invitation link"
            hideLabel
            compact
            readOnly
            data-testid="invite-link"
            value={invite.data.url}
            wrapperClassName="mt-2"
            className="font-mono text-xs"
            onFocus={(e) => e.currentTarget.select()}
          />
        </Notice>
      ) : null}
    </div>
  );
}
