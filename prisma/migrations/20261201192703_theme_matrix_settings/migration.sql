-- CreateTable
CREATE TABLE "theme_matrix_settings" (
    "agenda_id" UUID NOT NULL,
    "statistical_threshold" DOUBLE PRECISION NOT NULL,
    "story_share_threshold" DOUBLE PRECISION NOT NULL,
    "min_stories" INTEGER NOT NULL,
    "updated_by_id" UUID NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "theme_matrix_settings_pkey" PRIMARY KEY ("agenda_id")
);

-- AddForeignKey
ALTER TABLE "theme_matrix_settings" ADD CONSTRAINT "theme_matrix_settings_agenda_id_fkey" FOREIGN KEY ("agenda_id") REFERENCES "buurtagenda"("id") ON DELETE CASCADE ON UPDATE CASCADE;
