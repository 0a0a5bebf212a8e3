-- CreateEnum
CREATE TYPE "ConversationShape" AS ENUM ('messages', 'conversations');

-- AlterTable
ALTER TABLE "Dataset" ADD COLUMN     "conversationShape" "ConversationShape";

-- AlterTable
ALTER TABLE "DatasetRecord" ADD COLUMN     "context" JSONB;

-- AlterTable
ALTER TABLE "StudyPrompt" ADD COLUMN     "context" JSONB;
