import Link from "next/link";

export const metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <main className="mx-auto max-w-md px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p className="mt-2 text-slate-700">
        This page does not exist, or you do not have access to what it shows.
      </p>
      <Link href="/" className="mt-6 inline-block text-brand-700 underline">
        Back to home
      </Link>
    </main>
  );
}
