import Link from "next/link";

export const metadata = { title: "Not permitted" };

export default function ForbiddenPage() {
  return (
    <main className="mx-auto max-w-md px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">You do not have access to this page</h1>
      <p className="mt-2 text-slate-700">Your role does not include it. Ask an administrator if you need it.</p>
      <Link href="/" className="mt-6 inline-block text-brand-700 underline">
        Back to home
      </Link>
    </main>
  );
}
