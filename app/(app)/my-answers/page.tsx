import { MyAnswersList } from "@/components/my-answers/my-answers-list";
import { requirePagePermission } from "@/lib/auth/current-user";

export const metadata = { title: "My answers" };

export default async function MyAnswersPage() {
  // Clinicians review and rate; the list (GET /api/v1/me/answers) holds only their own answers.
  await requirePagePermission("audits:review", "/my-answers");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">My answers</h1>
      <MyAnswersList />
    </div>
  );
}
