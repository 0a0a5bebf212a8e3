import "server-only";
import { createSeed } from "@/lib/seeds/create-seed";
import { reviewSeed } from "@/lib/seeds/review-seed";
import { saveSeed } from "@/lib/seeds/save-seed";
import { ZReviewSeed, ZSaveSeed, ZSeedFields } from "@/lib/seeds/schemas";
import { submitSeed } from "@/lib/seeds/submit-seed";
import { addTerm } from "@/lib/vocabulary/add-term";
import { createLabelLookup } from "@/lib/vocabulary/label-lookup";
import { listTerms } from "@/lib/vocabulary/list-terms";
import { VOCABULARY_KINDS, type TVocabularyKind } from "@/lib/vocabulary/schemas";
import type { TDemoArea } from "./demo-area";
import { DEMO_SEEDS } from "./demo-seeds-data";
import { DEMO_TERMS } from "./demo-vocabulary";

/** The vocabulary, then eight seeds by the two demo clinicians, each reviewed by the other. */
export const demoSeedsArea: TDemoArea = {
  key: "seeds",
  async run(people, ctx) {
    const known = createLabelLookup(await listTerms());
    for (const kind of VOCABULARY_KINDS) {
      for (const label of DEMO_TERMS[kind])
        if (!known.find(kind, label)) await addTerm(people.admin, { kind, label }, ctx);
    }
    const terms = createLabelLookup(await listTerms());
    const term = (kind: TVocabularyKind, label?: string) => (label ? terms.find(kind, label)?.id : undefined);

    for (const s of DEMO_SEEDS) {
      const author = people[s.author];
      const reviewer = s.author === "clinician" ? people.colleague : people.clinician;
      const raw = {
        topicId: term("TOPIC", s.topic),
        viewId: term("VIEW", s.view),
        typeId: term("TYPE", s.type),
        instruction: s.instruction,
        input: s.input,
        difficulty: s.difficulty,
        referenceAnswer: s.referenceAnswer,
        specialtyTags: s.tags,
      };
      const { id, version: first } = await createSeed(
        author,
        ZSeedFields.parse({ ...raw, instruction: s.firstWording ?? s.instruction }),
        ctx,
      );
      const version = s.firstWording
        ? (await saveSeed(author, id, ZSaveSeed.parse({ ...raw, baseVersion: first }), ctx)).version
        : first;
      if (s.state === "DRAFT") continue;
      await submitSeed(author, id, version, ctx);
      if (s.state === "SUBMITTED") continue;
      const decision = s.state === "APPROVED" ? "APPROVE" : "REQUEST_CHANGES";
      await reviewSeed(
        reviewer,
        id,
        ZReviewSeed.parse({ baseVersion: version, decision, comment: s.review }),
        ctx,
      );
    }
  },
};
