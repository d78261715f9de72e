-- CreateEnum
CREATE TYPE "evaluation_kind" AS ENUM ('project', 'yearly');

-- CreateTable
CREATE TABLE "agreement_indicator" (
    "agreement_id" UUID NOT NULL,
    "indicator_key" TEXT NOT NULL,
    "scan_id" UUID NOT NULL,

    CONSTRAINT "agreement_indicator_pkey" PRIMARY KEY ("agreement_id","indicator_key")
);

-- CreateTable
CREATE TABLE "evaluation" (
    "id" UUID NOT NULL,
    "agenda_id" UUID NOT NULL,
    "kind" "evaluation_kind" NOT NULL,
    "title" TEXT NOT NULL,
    "period_from" DATE NOT NULL,
    "period_to" DATE NOT NULL,
    "for_residents" TEXT NOT NULL,
    "for_organisations" TEXT NOT NULL,
    "for_municipality" TEXT NOT NULL,
    "bottlenecks" TEXT NOT NULL,
    "changes" TEXT NOT NULL,
    "is_public" BOOLEAN NOT NULL DEFAULT false,
    "author_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "council_view" TEXT NOT NULL DEFAULT '',
    "council_view_by_id" UUID,
    "council_view_at" TIMESTAMP(3),

    CONSTRAINT "evaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evaluation_agreement" (
    "evaluation_id" UUID NOT NULL,
    "agreement_id" UUID NOT NULL,

    CONSTRAINT "evaluation_agreement_pkey" PRIMARY KEY ("evaluation_id","agreement_id")
);

-- CreateIndex
CREATE INDEX "agreement_indicator_scan_id_idx" ON "agreement_indicator"("scan_id");

-- CreateIndex
CREATE INDEX "evaluation_agenda_id_period_to_idx" ON "evaluation"("agenda_id", "period_to");

-- CreateIndex
CREATE INDEX "evaluation_agreement_agreement_id_idx" ON "evaluation_agreement"("agreement_id");

-- AddForeignKey
ALTER TABLE "agreement_indicator" ADD CONSTRAINT "agreement_indicator_agreement_id_fkey" FOREIGN KEY ("agreement_id") REFERENCES "agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agreement_indicator" ADD CONSTRAINT "agreement_indicator_scan_id_fkey" FOREIGN KEY ("scan_id") REFERENCES "buurt_scan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evaluation" ADD CONSTRAINT "evaluation_agenda_id_fkey" FOREIGN KEY ("agenda_id") REFERENCES "buurtagenda"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evaluation_agreement" ADD CONSTRAINT "evaluation_agreement_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evaluation_agreement" ADD CONSTRAINT "evaluation_agreement_agreement_id_fkey" FOREIGN KEY ("agreement_id") REFERENCES "agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: an evaluation's period runs forwards, and the council's view says who and when.
ALTER TABLE "evaluation"
  ADD CONSTRAINT "evaluation_period_forwards" CHECK ("period_to" >= "period_from"),
  ADD CONSTRAINT "evaluation_council_view_signed" CHECK (
    ("council_view" = '' AND "council_view_by_id" IS NULL AND "council_view_at" IS NULL)
    OR ("council_view" <> '' AND "council_view_by_id" IS NOT NULL AND "council_view_at" IS NOT NULL)
  );
