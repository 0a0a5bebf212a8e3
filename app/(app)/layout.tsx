import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AppNav } from "@/components/shell/app-nav";
import { DemoBanner } from "@/components/shell/demo-banner";
import { getCurrentUser } from "@/lib/auth/current-user";
import { safeCallbackUrl } from "@/lib/http/safe-callback-url";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  // Rendered alongside the page and usually first to redirect: it keeps the way back as the page
  // would (requirePagePermission), from the path proxy.ts stamps (checked again at sign-in).
  if (!user)
    redirect(
      `/signin?callbackUrl=${encodeURIComponent(safeCallbackUrl((await headers()).get("x-pathname") ?? "/"))}`,
    );
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2"
      >
        Skip to content
      </a>
      <DemoBanner />
      <AppNav user={user} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </div>
  );
}
