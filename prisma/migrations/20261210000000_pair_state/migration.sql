-- Issue 17 (adaptive claim's read in O(model pairs), task pairstate). The adaptive claim's read
-- listed the rater's best open item per model pair with DISTINCT ON over every open regular item of
-- the study, and tallied the pairs by joining every regular comparison to its current judgements:
-- ~1,160 buffers, 3.5–6 ms of PostgreSQL CPU per claim on the bench's study (1,120 comparisons).
-- Now both are kept by the database per pair, so the read touches ~28 pairs:
--   * StudyPair: a study's regular model pairs, written when its comparisons are created (statement
--     trigger below); its items carry the pair's id in QueueItem."groupKey" ('' for the study's
--     attention checks and repeats; NULL, as before, for every other queue's items).
--   * StudyPairTally: current judgements of a pair's regular comparisons per criterion, kept by row
--     triggers on "StudyJudgement" in the judgement's own transaction (a current judgement
--     inserted: +1; superseded, un-superseded, changed or deleted: −1 / +1 accordingly).
-- AlterTable
ALTER TABLE "QueueItem" ADD COLUMN     "groupKey" TEXT;

-- CreateTable
CREATE TABLE "StudyPair" (
    "id" UUID NOT NULL,
    "studyId" UUID NOT NULL,
    "modelA" TEXT NOT NULL,
    "modelB" TEXT NOT NULL,

    CONSTRAINT "StudyPair_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StudyPairTally" (
    "pairId" UUID NOT NULL,
    "criterion" TEXT NOT NULL,
    "winsA" INTEGER NOT NULL DEFAULT 0,
    "winsB" INTEGER NOT NULL DEFAULT 0,
    "ties" INTEGER NOT NULL DEFAULT 0,
    "bothBad" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "StudyPairTally_pkey" PRIMARY KEY ("pairId","criterion")
);

-- CreateIndex
CREATE UNIQUE INDEX "StudyPair_studyId_modelA_modelB_key" ON "StudyPair"("studyId", "modelA", "modelB");

-- AddForeignKey
ALTER TABLE "StudyPair" ADD CONSTRAINT "StudyPair_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyPairTally" ADD CONSTRAINT "StudyPairTally_pairId_fkey" FOREIGN KEY ("pairId") REFERENCES "StudyPair"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A group's items with a free slot in the adaptive chooser's within-pair order (least judged, then
-- queue order): the claim's read walks one pair's entries until the first item open to the rater.
CREATE INDEX "QueueItem_group_open_idx" ON "QueueItem" ("queueId", "groupKey", "completedSlots", position)
  WHERE "claimedSlots" < capacity AND "groupKey" <> '';
-- The study's other items (attention checks, repeats) with a free slot, in queue order.
CREATE INDEX "QueueItem_ungrouped_open_idx" ON "QueueItem" ("queueId", position)
  WHERE "claimedSlots" < capacity AND "groupKey" = '';

-- New comparisons: their regular pairs listed, their items' group set. A statement trigger, so a
-- study start's one createMany costs one pass, not one per comparison.
CREATE FUNCTION study_comparison_pairs() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "StudyPair" (id, "studyId", "modelA", "modelB")
  SELECT gen_random_uuid(), n."studyId", n."modelA", n."modelB"
    FROM (SELECT DISTINCT "studyId", "modelA", "modelB" FROM new_rows WHERE kind = 'regular') n
  ON CONFLICT ("studyId", "modelA", "modelB") DO NOTHING;
  UPDATE "QueueItem" qi SET "groupKey" = COALESCE(p.id::text, '')
    FROM new_rows n
    LEFT JOIN "StudyPair" p
      ON n.kind = 'regular' AND p."studyId" = n."studyId" AND p."modelA" = n."modelA" AND p."modelB" = n."modelB"
   WHERE qi.id = n."queueItemId";
  RETURN NULL;
END
$$;
CREATE TRIGGER study_comparison_pairs AFTER INSERT ON "StudyComparison"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION study_comparison_pairs();

-- One judgement row counted in (+1) or out (−1) of its pair's tally; attention checks and repeats
-- are not counted (as the statistics). The pair row is locked first (FOR NO KEY UPDATE: foreign-key
-- checks' KEY SHARE does not wait on it), so every transaction changing a pair's tallies takes the
-- pair before any criterion's tally row: a revision (supersede in the rows' scan order, then insert)
-- and a fresh submit (insert in criteria order) cannot lock two criteria of one pair in opposite
-- orders. A submit touches one comparison, so one pair. Lock order: the queue item (queue_submit,
-- the undo's FOR UPDATE), then the pair; claims lock items only. During a study's cascade delete the
-- comparison or the pair may already be gone: nothing to count then.
CREATE FUNCTION study_pair_tally_add(p_comparison uuid, p_criterion text, p_choice "StudyChoice", p_delta int)
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  v_pair uuid;
BEGIN
  SELECT p.id INTO v_pair
    FROM "StudyComparison" c
    JOIN "StudyPair" p ON p."studyId" = c."studyId" AND p."modelA" = c."modelA" AND p."modelB" = c."modelB"
   WHERE c.id = p_comparison AND c.kind = 'regular'
     FOR NO KEY UPDATE OF p;
  IF v_pair IS NULL THEN RETURN; END IF;
  INSERT INTO "StudyPairTally" AS t ("pairId", criterion, "winsA", "winsB", ties, "bothBad")
  VALUES (v_pair, p_criterion,
          CASE WHEN p_choice = 'A' THEN p_delta ELSE 0 END,
          CASE WHEN p_choice = 'B' THEN p_delta ELSE 0 END,
          CASE WHEN p_choice = 'tie' THEN p_delta ELSE 0 END,
          CASE WHEN p_choice = 'both_bad' THEN p_delta ELSE 0 END)
  ON CONFLICT ("pairId", criterion) DO UPDATE
     SET "winsA" = t."winsA" + EXCLUDED."winsA", "winsB" = t."winsB" + EXCLUDED."winsB",
         ties = t.ties + EXCLUDED.ties, "bothBad" = t."bothBad" + EXCLUDED."bothBad";
END
$$;

CREATE FUNCTION study_judgement_tally() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND OLD."supersededAt" IS NULL THEN
    PERFORM study_pair_tally_add(OLD."comparisonId", OLD.criterion, OLD.choice, -1);
  END IF;
  IF TG_OP <> 'DELETE' AND NEW."supersededAt" IS NULL THEN
    PERFORM study_pair_tally_add(NEW."comparisonId", NEW.criterion, NEW.choice, 1);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER study_judgement_tally_insert AFTER INSERT ON "StudyJudgement"
  FOR EACH ROW WHEN (NEW."supersededAt" IS NULL) EXECUTE FUNCTION study_judgement_tally();
CREATE TRIGGER study_judgement_tally_update AFTER UPDATE ON "StudyJudgement"
  FOR EACH ROW WHEN ((OLD."supersededAt" IS NULL) IS DISTINCT FROM (NEW."supersededAt" IS NULL)
                     OR (NEW."supersededAt" IS NULL AND (OLD.choice IS DISTINCT FROM NEW.choice
                         OR OLD.criterion IS DISTINCT FROM NEW.criterion
                         OR OLD."comparisonId" IS DISTINCT FROM NEW."comparisonId")))
  EXECUTE FUNCTION study_judgement_tally();
CREATE TRIGGER study_judgement_tally_delete AFTER DELETE ON "StudyJudgement"
  FOR EACH ROW WHEN (OLD."supersededAt" IS NULL) EXECUTE FUNCTION study_judgement_tally();

-- Backfill: existing studies' pairs, their items' groups and their tallies.
INSERT INTO "StudyPair" (id, "studyId", "modelA", "modelB")
SELECT gen_random_uuid(), s."studyId", s."modelA", s."modelB"
  FROM (SELECT DISTINCT "studyId", "modelA", "modelB" FROM "StudyComparison" WHERE kind = 'regular') s;
UPDATE "QueueItem" qi SET "groupKey" = COALESCE(p.id::text, '')
  FROM "StudyComparison" c
  LEFT JOIN "StudyPair" p
    ON c.kind = 'regular' AND p."studyId" = c."studyId" AND p."modelA" = c."modelA" AND p."modelB" = c."modelB"
 WHERE qi.id = c."queueItemId";
INSERT INTO "StudyPairTally" ("pairId", criterion, "winsA", "winsB", ties, "bothBad")
SELECT p.id, j.criterion,
       count(*) FILTER (WHERE j.choice = 'A')::int, count(*) FILTER (WHERE j.choice = 'B')::int,
       count(*) FILTER (WHERE j.choice = 'tie')::int, count(*) FILTER (WHERE j.choice = 'both_bad')::int
  FROM "StudyJudgement" j
  JOIN "StudyComparison" c ON c.id = j."comparisonId" AND c.kind = 'regular'
  JOIN "StudyPair" p ON p."studyId" = c."studyId" AND p."modelA" = c."modelA" AND p."modelB" = c."modelB"
 WHERE j."supersededAt" IS NULL
 GROUP BY p.id, j.criterion;
