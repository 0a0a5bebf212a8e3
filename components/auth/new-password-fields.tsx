import type { ComponentProps } from "react";
import { Field } from "@/components/ui/field";

type TInputProps = Omit<ComponentProps<"input">, "name">;

/**
 * A new password and its repeat, as the setup, invitation/reset and account forms ask for them;
 * the server's schema checks the length and the match (the hint states its rule). `inputProps`
 * binds each input to the form (react-hook-form's `register`).
 */
export function NewPasswordFields({
  label = "New password",
  repeatLabel = "Repeat password",
  errors,
  required,
  inputProps,
}: {
  label?: string;
  repeatLabel?: string;
  errors?: { password?: string[]; confirm?: string[] };
  required?: boolean;
  inputProps?: (name: "password" | "confirm") => TInputProps;
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
        {...inputProps?.("password")}
      />
      <Field
        label={repeatLabel}
        name="confirm"
        type="password"
        autoComplete="new-password"
        required={required}
        errors={errors?.confirm}
        {...inputProps?.("confirm")}
      />
    </>
  );
}
