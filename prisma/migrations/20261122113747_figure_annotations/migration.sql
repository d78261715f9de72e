-- CreateTable
CREATE TABLE "figure_annotation" (
    "id" UUID NOT NULL,
    "gemeente_code" TEXT NOT NULL,
    "area_code" TEXT NOT NULL,
    "indicator_key" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "author_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "figure_annotation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "figure_annotation_area_code_indicator_key_idx" ON "figure_annotation"("area_code", "indicator_key");

-- CreateIndex
CREATE INDEX "figure_annotation_gemeente_code_indicator_key_idx" ON "figure_annotation"("gemeente_code", "indicator_key");
