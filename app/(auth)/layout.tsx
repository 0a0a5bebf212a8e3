import { DemoBanner } from "@/components/shell/demo-banner";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="min-h-screen">
      <DemoBanner />
      <main className="mx-auto flex max-w-md flex-col gap-6 px-4 py-12">
        {/* The page's one h1 (sign-in, setup and the link pages title their card with an h2). */}
        <h1 className="text-center text-2xl font-bold text-brand-800">ClinReview</h1>
        {children}
      </main>
    </div>
  );
}
