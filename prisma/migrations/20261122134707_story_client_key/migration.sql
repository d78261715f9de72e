-- AlterTable
ALTER TABLE "story" ADD COLUMN     "client_key" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "story_client_key_key" ON "story"("client_key");
