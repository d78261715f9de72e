-- CreateEnum
CREATE TYPE "story_channel" AS ENUM ('online', 'interview', 'walk', 'meeting', 'survey');

-- CreateEnum
CREATE TYPE "story_status" AS ENUM ('submitted', 'published', 'rejected', 'withdrawn');

-- CreateEnum
CREATE TYPE "rejection_reason" AS ENUM ('personal_data', 'offensive', 'not_about_area', 'advertising', 'duplicate', 'other');

-- CreateEnum
CREATE TYPE "story_event_kind" AS ENUM ('walk', 'meeting');

-- CreateTable
CREATE TABLE "story_event" (
    "id" UUID NOT NULL,
    "gemeente_code" TEXT NOT NULL,
    "agenda_id" UUID,
    "kind" "story_event_kind" NOT NULL,
    "title" TEXT NOT NULL,
    "held_on" DATE NOT NULL,
    "place" TEXT NOT NULL DEFAULT '',
    "invited_groups" TEXT NOT NULL DEFAULT '',
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "story_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "story" (
    "id" UUID NOT NULL,
    "gemeente_code" TEXT NOT NULL,
    "buurt_code" TEXT NOT NULL,
    "agenda_id" UUID,
    "title" TEXT NOT NULL DEFAULT '',
    "text" TEXT NOT NULL,
    "original_text" TEXT,
    "lon" DOUBLE PRECISION,
    "lat" DOUBLE PRECISION,
    "channel" "story_channel" NOT NULL,
    "teller_id" UUID,
    "teller_name" TEXT NOT NULL DEFAULT '',
    "show_name" BOOLEAN NOT NULL DEFAULT false,
    "consent_publish" BOOLEAN NOT NULL,
    "consent_quote" BOOLEAN NOT NULL,
    "recorded_by_id" UUID,
    "event_id" UUID,
    "status" "story_status" NOT NULL DEFAULT 'submitted',
    "rejection_reason" "rejection_reason",
    "rejection_note" TEXT NOT NULL DEFAULT '',
    "duplicate_of_id" UUID,
    "moderated_by_id" UUID,
    "moderated_at" TIMESTAMP(3),
    "is_demo" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "story_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "story_theme" (
    "story_id" UUID NOT NULL,
    "theme_key" TEXT NOT NULL,

    CONSTRAINT "story_theme_pkey" PRIMARY KEY ("story_id","theme_key")
);

-- CreateTable
CREATE TABLE "story_reaction" (
    "story_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "story_reaction_pkey" PRIMARY KEY ("story_id","user_id")
);

-- CreateTable
CREATE TABLE "story_report" (
    "id" UUID NOT NULL,
    "story_id" UUID NOT NULL,
    "reporter_id" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "handled_at" TIMESTAMP(3),

    CONSTRAINT "story_report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "story_draft" (
    "token" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "story_draft_pkey" PRIMARY KEY ("token")
);

-- CreateIndex
CREATE INDEX "story_event_gemeente_code_held_on_idx" ON "story_event"("gemeente_code", "held_on");

-- CreateIndex
CREATE INDEX "story_buurt_code_status_created_at_idx" ON "story"("buurt_code", "status", "created_at");

-- CreateIndex
CREATE INDEX "story_agenda_id_status_created_at_idx" ON "story"("agenda_id", "status", "created_at");

-- CreateIndex
CREATE INDEX "story_status_created_at_idx" ON "story"("status", "created_at");

-- CreateIndex
CREATE INDEX "story_teller_id_idx" ON "story"("teller_id");

-- CreateIndex
CREATE INDEX "story_theme_theme_key_idx" ON "story_theme"("theme_key");

-- CreateIndex
CREATE INDEX "story_report_story_id_idx" ON "story_report"("story_id");

-- AddForeignKey
ALTER TABLE "story" ADD CONSTRAINT "story_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "story_event"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "story_theme" ADD CONSTRAINT "story_theme_story_id_fkey" FOREIGN KEY ("story_id") REFERENCES "story"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "story_theme" ADD CONSTRAINT "story_theme_theme_key_fkey" FOREIGN KEY ("theme_key") REFERENCES "theme"("key") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "story_reaction" ADD CONSTRAINT "story_reaction_story_id_fkey" FOREIGN KEY ("story_id") REFERENCES "story"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "story_report" ADD CONSTRAINT "story_report_story_id_fkey" FOREIGN KEY ("story_id") REFERENCES "story"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: Dutch full-text search over title and text (a generated column Prisma's schema
-- cannot express), with a GIN index. Queries use websearch_to_tsquery('dutch', …).
ALTER TABLE "story" ADD COLUMN "search" tsvector
  GENERATED ALWAYS AS (to_tsvector('dutch', coalesce("title", '') || ' ' || "text")) STORED;
CREATE INDEX "story_search_idx" ON "story" USING GIN ("search");
