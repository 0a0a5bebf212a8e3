import { AcceptLinkForm } from "@/components/auth/accept-link-form";
import { Card, Notice } from "@/components/ui/notice";
import { findOpenLink } from "@/lib/users/find-open-link";

export const metadata = { title: "Accept invitation" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await findOpenLink(token, "INVITE");
  return (
    <Card title="Accept your invitation">
      {link ? (
        <AcceptLinkForm token={token} email={link.email} askName />
      ) : (
        <Notice tone="error">
          This invitation has expired or was already used. Ask an administrator for a new one.
        </Notice>
      )}
    </Card>
  );
}
