import "server-only";
import { hasPermission } from "@/lib/auth/permissions";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { forbidden } from "@/lib/errors/app-error";

/** Checked again inside the services, so a future caller that skips the action layer still fails closed. */
export function assertVocabularyManager(user: TCurrentUser): void {
  if (!hasPermission(user.role, "vocab:manage")) throw forbidden("Only admins manage vocabularies");
}
