import "server-only";
import { findOr404, parseOr404 } from "@/lib/http/find-or-404";
import { getStudy } from "@/lib/studies/get-study";
import { ZStudyId } from "@/lib/studies/schemas";

export async function loadStudyOr404(id: string) {
  return findOr404(getStudy(parseOr404(ZStudyId, { id }).id));
}
