"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/lib/http/action-client";
import { AppError } from "@/lib/errors/app-error";
import { importSeeds } from "./import-seeds";
import { ZImportQuery } from "./import-schemas";

const ZImportForm = ZImportQuery.extend({
  file: z.instanceof(File, { message: "Choose a file" }).refine((f) => f.size > 0, "Choose a file").refine((f) => f.size <= 1_000_000, "At most 1 MB here; use the API for larger files"),
});

/** Unlike the API, refusals come back as data so the page can list unknown labels and record errors. */
const run = authorizedAction({ permission: "seeds:import", schema: ZImportForm }, async ({ file, ...opts }, user, ctx) => {
  try {
    const { body: r } = await importSeeds(user, await file.text(), opts, ctx);
    if (!r.dryRun) revalidatePath("/admin/vocabulary");
    return { refused: false as const, message: "", ...r, batchId: r.batchId ?? "" };
  } catch (err) {
    if (!(err instanceof AppError) || err.code === "FORBIDDEN") throw err;
    const extra = err.extra ?? {};
    return {
      refused: true as const,
      message: err.message,
      unknownLabels: (extra.unknownLabels ?? []) as { kind: string; label: string; spellings: string[]; records: number[]; retiredTerm?: string }[],
      recordErrors: (extra.recordErrors ?? []) as { record: number; field: string; message: string }[],
    };
  }
});

export async function importSeedFileAction(_prev: unknown, form: FormData) {
  const raw = {
    file: form.get("file"),
    dryRun: form.get("intent") === "import" ? "0" : "1",
    status: form.get("status") ?? undefined,
    unknownLabels: form.get("intent") === "import" && form.get("addUnknown") === "on" ? "add" : "reject",
  };
  return run(raw);
}
