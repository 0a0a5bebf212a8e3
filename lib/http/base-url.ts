import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";

/** The address users reach the app at: NEXTAUTH_URL when set, else the request's own host. */
export async function appBaseUrl(): Promise<string> {
  const configured = env().NEXTAUTH_URL;
  if (configured) return configured.replace(/\/$/, "");
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? "http";
  return `${proto}://${host}`;
}
