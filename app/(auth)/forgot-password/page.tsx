import Link from "next/link";
import { notFound } from "next/navigation";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { Card } from "@/components/ui/notice";
import { mailConfigured } from "@/lib/users/send-mail";

export const metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  if (!mailConfigured()) notFound();
  return (
    <Card title="Forgot your password?">
      <p className="mb-4 text-sm text-slate-700">
        Enter the e-mail address of your account and we will send you a link to choose a new password.
      </p>
      <ForgotPasswordForm />
      <p className="mt-4 text-sm">
        <Link className="text-brand-700 underline" href="/signin">
          Back to sign in
        </Link>
      </p>
    </Card>
  );
}
