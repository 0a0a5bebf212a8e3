import "server-only";
import nodemailer from "nodemailer";
import { env } from "@/lib/env";
import { describeError, log } from "@/lib/log/logger";

export function mailConfigured(): boolean {
  return Boolean(env().SMTP_URL);
}

/** Best effort: links are always shown to the admin too, because hospital networks may have no mail. */
export async function sendMail(to: string, subject: string, text: string): Promise<boolean> {
  const e = env();
  if (!e.SMTP_URL) return false;
  try {
    const transport = nodemailer.createTransport(e.SMTP_URL);
    await transport.sendMail({ from: e.SMTP_FROM ?? "ClinReview <no-reply@localhost>", to, subject, text });
    return true;
  } catch (err) {
    log.warn("mail not sent", describeError(err));
    return false;
  }
}
