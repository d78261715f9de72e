-- CreateEnum
CREATE TYPE "indicator_unit" AS ENUM ('count', 'percent', 'score', 'euro', 'hectare', 'density');

-- CreateEnum
CREATE TYPE "indicator_direction" AS ENUM ('higher_is_worse', 'higher_is_better', 'neutral');

-- CreateTable
CREATE TABLE "theme" (
    "key" TEXT NOT NULL,
    "label_nl" TEXT NOT NULL,
    "label_en" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL,

    CONSTRAINT "theme_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "indicator" (
    "key" TEXT NOT NULL,
    "label_nl" TEXT NOT NULL,
    "label_en" TEXT NOT NULL,
    "unit" "indicator_unit" NOT NULL,
    "direction" "indicator_direction" NOT NULL,
    "population" TEXT NOT NULL DEFAULT '',
    "source" TEXT NOT NULL,
    "licence" TEXT NOT NULL,

    CONSTRAINT "indicator_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "indicator_theme" (
    "indicator_key" TEXT NOT NULL,
    "theme_key" TEXT NOT NULL,

    CONSTRAINT "indicator_theme_pkey" PRIMARY KEY ("indicator_key","theme_key")
);

-- CreateTable
CREATE TABLE "indicator_value" (
    "area_code" TEXT NOT NULL,
    "indicator_key" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "source" TEXT NOT NULL,
    "imported_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "indicator_value_pkey" PRIMARY KEY ("area_code","indicator_key","year")
);

-- CreateIndex
CREATE INDEX "indicator_value_indicator_key_year_idx" ON "indicator_value"("indicator_key", "year");

-- AddForeignKey
ALTER TABLE "indicator_theme" ADD CONSTRAINT "indicator_theme_indicator_key_fkey" FOREIGN KEY ("indicator_key") REFERENCES "indicator"("key") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator_theme" ADD CONSTRAINT "indicator_theme_theme_key_fkey" FOREIGN KEY ("theme_key") REFERENCES "theme"("key") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator_value" ADD CONSTRAINT "indicator_value_indicator_key_fkey" FOREIGN KEY ("indicator_key") REFERENCES "indicator"("key") ON DELETE CASCADE ON UPDATE CASCADE;
