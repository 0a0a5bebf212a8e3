-- CreateIndex
CREATE INDEX "VocabularyTerm_label_id_idx" ON "VocabularyTerm"("label", "id");
