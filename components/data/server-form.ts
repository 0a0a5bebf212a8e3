import type { FieldErrors, FieldValues, Path, UseFormSetError } from "react-hook-form";
import { asApiError } from "./api-fetch";

/** One field's message as the field components take it (`errors={…}`). */
export function messagesOf(errors: FieldErrors, name: string): string[] | undefined {
  const m = errors[name]?.message;
  return typeof m === "string" && m ? [m] : undefined;
}

/**
 * Puts a refusal's field errors on the form's own fields (the server's words, as the client's
 * zodResolver would have said them). Returns whether any landed, so the form shows its sentence
 * only when no field explains the refusal.
 */
export function applyFieldErrors<T extends FieldValues>(
  e: unknown,
  names: readonly Path<T>[],
  setError: UseFormSetError<T>,
): boolean {
  const fe = asApiError(e).fieldErrors;
  let landed = false;
  for (const name of names) {
    const m = fe[name];
    if (m?.length) {
      setError(name, { type: "server", message: m.join(" ") });
      landed = true;
    }
  }
  return landed;
}
