// The people and vocabulary most seed tests start from: an admin's three terms, an author, a
// reviewer and a researcher, and valid fields to write seeds with.
import { parseInput } from "@/lib/errors/parse-input";
import { ZSeedFields } from "@/lib/seeds/schemas";
import { addTerm } from "@/lib/vocabulary/add-term";
import { asCurrent, ctx, makeUser } from "./factories";

export async function seedSetup(instruction = "Explain stable angina to a patient.") {
  const admin = asCurrent(await makeUser("ADMIN"));
  const author = asCurrent(await makeUser("CLINICIAN"));
  const reviewer = asCurrent(await makeUser("CLINICIAN"));
  const researcher = asCurrent(await makeUser("RESEARCHER"));
  const topic = await addTerm(admin, { kind: "TOPIC", label: "Cardiology" }, ctx());
  const view = await addTerm(admin, { kind: "VIEW", label: "Patient" }, ctx());
  const type = await addTerm(admin, { kind: "TYPE", label: "Open Q&A" }, ctx());
  const fields = (over: Record<string, unknown> = {}) =>
    parseInput(ZSeedFields, {
      topicId: topic.id,
      viewId: view.id,
      typeId: type.id,
      instruction,
      difficulty: "2",
      ...over,
    });
  return { admin, author, reviewer, researcher, topic, view, type, fields };
}
