import Link from "next/link";

// Rendered by forbidden() (requirePagePermission) inside the app shell, with status 403, at the URL
// that was asked for: the navigation stays, so the user can go where their role does allow.
export default function Forbidden() {
  return (
    <div className="mx-auto max-w-md py-16 text-center">
      <title>Not permitted · ClinReview</title>
      <h1 className="text-2xl font-bold">You do not have access to this page</h1>
      <p className="mt-2 text-slate-700">
        Your role does not include it. Ask an administrator if you need it.
      </p>
      <Link href="/" className="mt-6 inline-block text-brand-700 underline">
        Back to home
      </Link>
    </div>
  );
}
