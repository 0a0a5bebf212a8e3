import { Field } from "@/components/ui/field";

/**
 * A new password and its repeat, as the setup, invitation/reset and account forms ask for them;
 * the server checks the length and the match (the hint states its rule).
 */
export function NewPasswordFields({
  label = "New password",
  repeatLabel = "Repeat password",
  errors,
  required,
}: {
  label?: string;
  repeatLabel?: string;
  errors?: { password?: string[]; confirm?: string[] };
  required?: boolean;
}) {
  return (
    <>
      <Field
        label={label}
        name="password"
        type="password"
        autoComplete="new-password"
        required={required}
        errors={errors?.password}
        hint="At least 12 characters."
      />
      <Field
        label={repeatLabel}
        name="confirm"
        type="password"
        autoComplete="new-password"
        required={required}
        errors={errors?.confirm}
      />
    </>
  );
}
