import "server-only";
import type { z } from "zod";
import { requireActionPermission } from "@/lib/auth/current-user";
import type { TPermission } from "@/lib/auth/permissions";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { AppError, type TFieldErrors } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { currentRequestContext, type TRequestContext } from "@/lib/http/request-context";
import { describeError, log } from "@/lib/log/logger";

export type TActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | {
      ok: false;
      message: string;
      fieldErrors?: TFieldErrors;
      code?: string;
      values?: Record<string, string>;
    };

// Echoed back so a form keeps what the user typed after a refused submit; secrets never are.
const NEVER_ECHO = /pass|confirm|current|token|secret/i;

function echo(raw: unknown): Record<string, string> | undefined {
  if (!(raw instanceof FormData)) return undefined;
  return Object.fromEntries(Object.entries(formToObject(raw)).filter(([k]) => !NEVER_ECHO.test(k)));
}

export function formToObject(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string" && !k.startsWith("$ACTION")) out[k] = v;
  return out;
}

async function runAction<T>(
  ctx: TRequestContext,
  raw: unknown,
  body: () => Promise<T>,
): Promise<TActionResult<T>> {
  try {
    return { ok: true, data: await body() };
  } catch (err) {
    if (err instanceof AppError) {
      return {
        ok: false,
        message: err.message,
        fieldErrors: err.fieldErrors,
        code: err.code,
        values: echo(raw),
      };
    }
    // redirect()/notFound() from next/navigation are control flow, not failures.
    if (
      err instanceof Error &&
      "digest" in err &&
      String((err as { digest: unknown }).digest).startsWith("NEXT_")
    )
      throw err;
    log.error("action failed", { requestId: ctx.requestId, ...describeError(err) });
    return { ok: false, message: `Something went wrong on our side (request ${ctx.requestId}).` };
  }
}

const toInput = (raw: unknown) => (raw instanceof FormData ? formToObject(raw) : raw);

/**
 * The layer every signed-in server action goes through: authorization first, then validation,
 * then the service; typed errors become messages for the form, anything else a generic message.
 */
export function authorizedAction<S extends z.ZodType, T>(
  opts: { permission: TPermission; schema: S },
  fn: (input: z.infer<S>, user: TCurrentUser, ctx: TRequestContext) => Promise<T>,
) {
  return async (raw: unknown): Promise<TActionResult<T>> => {
    const ctx = await currentRequestContext();
    return runAction(ctx, raw, async () => {
      const user = await requireActionPermission(opts.permission);
      return fn(parseInput(opts.schema, toInput(raw)), user, ctx);
    });
  };
}

/** For the few actions that run before sign-in (setup, invitations, resets): validation only. */
export function publicAction<S extends z.ZodType, T>(
  opts: { schema: S },
  fn: (input: z.infer<S>, ctx: TRequestContext) => Promise<T>,
) {
  return async (raw: unknown): Promise<TActionResult<T>> => {
    const ctx = await currentRequestContext();
    return runAction(ctx, raw, async () => fn(parseInput(opts.schema, toInput(raw)), ctx));
  };
}
