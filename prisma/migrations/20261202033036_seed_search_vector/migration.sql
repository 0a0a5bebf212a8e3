-- AlterTable
-- Hand-edited: Prisma writes a plain "tsvector" column; it is a stored generated column so that it
-- always matches the text (instruction weighted above input, above reference answer). Prisma
-- models it as Unsupported("tsvector")? and does not see the generation expression, so the
-- migrations-vs-schema check agrees. Searches must use this column (lib/seeds/list-seeds.ts).
ALTER TABLE "Seed" ADD COLUMN     "searchVector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english'::regconfig, coalesce("instruction", '')), 'A') ||
  setweight(to_tsvector('english'::regconfig, coalesce("input", '')), 'B') ||
  setweight(to_tsvector('english'::regconfig, coalesce("referenceAnswer", '')), 'C')
) STORED;

-- CreateIndex
CREATE INDEX "Seed_searchVector_idx" ON "Seed" USING GIN ("searchVector");
