import { z } from "zod";

export const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "Enter a valid e-mail address" }).max(254));

export const ZPassword = z
  .string()
  .min(12, "Use at least 12 characters")
  .max(256, "Use at most 256 characters");

export const ZRole = z.enum(["ADMIN", "CLINICIAN", "RESEARCHER"], { message: "Choose a role" });

export const ZPersonName = z.string().trim().min(1, "Enter a name").max(120, "Use at most 120 characters");

export const ZSetPassword = z
  .object({ password: ZPassword, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The passwords do not match" });

export type TRoleName = z.infer<typeof ZRole>;
