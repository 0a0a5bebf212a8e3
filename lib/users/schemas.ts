import { z } from "zod";
import { ZEmail, ZPassword, ZPersonName, ZRole } from "@/lib/auth/schemas";

export const ZInviteUser = z.object({ email: ZEmail, role: ZRole });
export const ZCreateFirstAdmin = z
  .object({ name: ZPersonName, email: ZEmail, password: ZPassword, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The passwords do not match" });
export const ZAcceptLink = z
  .object({
    token: z.string().min(10).max(200),
    name: ZPersonName.optional(),
    password: ZPassword,
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The passwords do not match" });
export const ZRequestPasswordReset = z.object({ email: ZEmail });
export const ZUserId = z.object({ userId: z.uuid({ message: "Unknown user" }) });
/** The body of PUT /api/v1/users/:id/role (the user is in the path). */
export const ZRoleBody = z.object({ role: ZRole });
export const ZChangeOwnPassword = z
  .object({
    current: z.string().min(1, "Enter your current password"),
    password: ZPassword,
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The passwords do not match" });
export const ZCreateApiToken = z.object({
  name: z.string().trim().min(1, "Name the token").max(80, "Use at most 80 characters"),
  expiresInDays: z.coerce.number().int().min(0).max(3650).default(90),
});
export const ZTokenId = z.object({ tokenId: z.uuid({ message: "Unknown token" }) });
export const ZSessionId = z.object({ sessionId: z.uuid({ message: "Unknown session" }) });

export type TInviteUser = z.infer<typeof ZInviteUser>;
