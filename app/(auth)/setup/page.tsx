import { redirect } from "next/navigation";
import { SetupForm } from "@/components/auth/setup-form";
import { Card } from "@/components/ui/notice";
import { needsSetup } from "@/lib/users/create-first-admin";

export const metadata = { title: "Set up ClinReview" };

export default async function SetupPage() {
  if (!(await needsSetup())) redirect("/signin");
  return (
    <Card title="Create the first admin">
      <p className="mb-4 text-sm text-slate-700">
        This database has no administrator yet. The account you create here can invite everyone else. This
        page disappears once an admin exists.
      </p>
      <SetupForm />
    </Card>
  );
}
