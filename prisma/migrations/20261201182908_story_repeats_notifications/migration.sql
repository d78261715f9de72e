-- AlterTable
ALTER TABLE "story" ADD COLUMN     "repeat_of_id" UUID,
ADD COLUMN     "text_fingerprint" TEXT;

-- CreateTable
CREATE TABLE "notification_log" (
    "key" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "sent_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_log_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "notification_log_user_id_idx" ON "notification_log"("user_id");

-- CreateIndex
CREATE INDEX "story_text_fingerprint_idx" ON "story"("text_fingerprint");
