import "server-only";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors/app-error";
import { getStudy } from "@/lib/studies/get-study";

export async function loadStudyOr404(id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  try {
    return await getStudy(id);
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
    throw err;
  }
}
