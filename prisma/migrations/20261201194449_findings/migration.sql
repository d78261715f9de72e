-- CreateTable
CREATE TABLE "finding" (
    "id" UUID NOT NULL,
    "agenda_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "finding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "finding_theme" (
    "finding_id" UUID NOT NULL,
    "theme_key" TEXT NOT NULL,

    CONSTRAINT "finding_theme_pkey" PRIMARY KEY ("finding_id","theme_key")
);

-- CreateTable
CREATE TABLE "finding_story" (
    "finding_id" UUID NOT NULL,
    "story_id" UUID NOT NULL,

    CONSTRAINT "finding_story_pkey" PRIMARY KEY ("finding_id","story_id")
);

-- CreateTable
CREATE TABLE "finding_indicator_value" (
    "finding_id" UUID NOT NULL,
    "scan_id" UUID NOT NULL,
    "area_code" TEXT NOT NULL,
    "indicator_key" TEXT NOT NULL,

    CONSTRAINT "finding_indicator_value_pkey" PRIMARY KEY ("finding_id","scan_id","area_code","indicator_key")
);

-- CreateTable
CREATE TABLE "finding_comment" (
    "id" UUID NOT NULL,
    "finding_id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "finding_comment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "finding_agenda_id_created_at_idx" ON "finding"("agenda_id", "created_at");

-- CreateIndex
CREATE INDEX "finding_story_story_id_idx" ON "finding_story"("story_id");

-- CreateIndex
CREATE INDEX "finding_comment_finding_id_created_at_idx" ON "finding_comment"("finding_id", "created_at");

-- AddForeignKey
ALTER TABLE "finding" ADD CONSTRAINT "finding_agenda_id_fkey" FOREIGN KEY ("agenda_id") REFERENCES "buurtagenda"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "finding_theme" ADD CONSTRAINT "finding_theme_finding_id_fkey" FOREIGN KEY ("finding_id") REFERENCES "finding"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "finding_theme" ADD CONSTRAINT "finding_theme_theme_key_fkey" FOREIGN KEY ("theme_key") REFERENCES "theme"("key") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "finding_story" ADD CONSTRAINT "finding_story_finding_id_fkey" FOREIGN KEY ("finding_id") REFERENCES "finding"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "finding_story" ADD CONSTRAINT "finding_story_story_id_fkey" FOREIGN KEY ("story_id") REFERENCES "story"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "finding_indicator_value" ADD CONSTRAINT "finding_indicator_value_finding_id_fkey" FOREIGN KEY ("finding_id") REFERENCES "finding"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "finding_indicator_value" ADD CONSTRAINT "finding_indicator_value_scan_id_area_code_indicator_key_fkey" FOREIGN KEY ("scan_id", "area_code", "indicator_key") REFERENCES "buurt_scan_value"("scan_id", "area_code", "indicator_key") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "finding_comment" ADD CONSTRAINT "finding_comment_finding_id_fkey" FOREIGN KEY ("finding_id") REFERENCES "finding"("id") ON DELETE CASCADE ON UPDATE CASCADE;
