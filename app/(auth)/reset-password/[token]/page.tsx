import { AcceptLinkForm } from "@/components/auth/accept-link-form";
import { Card, Notice } from "@/components/ui/notice";
import { findOpenLink } from "@/lib/users/find-open-link";

export const metadata = { title: "Reset password" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await findOpenLink(token, "RESET");
  return (
    <Card title="Choose a new password">
      {link ? (
        <AcceptLinkForm token={token} email={link.email} askName={false} />
      ) : (
        <Notice tone="error">
          This link has expired or was already used. Ask an administrator for a new one.
        </Notice>
      )}
    </Card>
  );
}
