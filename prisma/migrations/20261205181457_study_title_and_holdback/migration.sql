-- AlterTable (edited by hand: existing studies are numbered in order of creation and get the
-- neutral title "Study <number>"; those already started did show outputs that name a model).
CREATE SEQUENCE "Study_number_seq" AS INTEGER;
ALTER TABLE "Study" ADD COLUMN     "includeIdentityRevealing" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "number" INTEGER,
ADD COLUMN     "title" TEXT;
ALTER SEQUENCE "Study_number_seq" OWNED BY "Study"."number";

UPDATE "Study" s SET "number" = o.n, "title" = 'Study ' || o.n, "includeIdentityRevealing" = (s."status" <> 'DRAFT')
  FROM (SELECT "id", row_number() OVER (ORDER BY "createdAt", "id")::int AS n FROM "Study") o
 WHERE s."id" = o."id";
SELECT setval('"Study_number_seq"', COALESCE((SELECT max("number") FROM "Study"), 0) + 1, false);

ALTER TABLE "Study" ALTER COLUMN "number" SET DEFAULT nextval('"Study_number_seq"'),
ALTER COLUMN "number" SET NOT NULL,
ALTER COLUMN "title" SET NOT NULL;

-- CreateTable
CREATE TABLE "StudyHeldBack" (
    "id" UUID NOT NULL,
    "studyId" UUID NOT NULL,
    "promptId" UUID NOT NULL,
    "modelA" TEXT NOT NULL,
    "modelB" TEXT NOT NULL,
    "revealing" TEXT[],

    CONSTRAINT "StudyHeldBack_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StudyHeldBack_studyId_idx" ON "StudyHeldBack"("studyId");

-- CreateIndex
CREATE UNIQUE INDEX "Study_number_key" ON "Study"("number");

-- AddForeignKey
ALTER TABLE "StudyHeldBack" ADD CONSTRAINT "StudyHeldBack_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyHeldBack" ADD CONSTRAINT "StudyHeldBack_promptId_fkey" FOREIGN KEY ("promptId") REFERENCES "StudyPrompt"("id") ON DELETE CASCADE ON UPDATE CASCADE;
