-- CreateEnum
CREATE TYPE "review_verdict" AS ENUM ('confirmed', 'explained', 'doubt');

-- CreateEnum
CREATE TYPE "import_job_status" AS ENUM ('queued', 'running', 'done', 'failed');

-- AlterTable
ALTER TABLE "indicator" ADD COLUMN     "base_indicator_key" TEXT;

-- CreateTable
CREATE TABLE "buurt_scan" (
    "id" UUID NOT NULL,
    "agenda_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "indicator_keys" TEXT[],
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "frozen_at" TIMESTAMP(3),
    "frozen_by_id" UUID,

    CONSTRAINT "buurt_scan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "buurt_scan_value" (
    "scan_id" UUID NOT NULL,
    "area_code" TEXT NOT NULL,
    "indicator_key" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "source" TEXT NOT NULL,

    CONSTRAINT "buurt_scan_value_pkey" PRIMARY KEY ("scan_id","area_code","indicator_key")
);

-- CreateTable
CREATE TABLE "preselection" (
    "id" UUID NOT NULL,
    "gemeente_code" TEXT NOT NULL,
    "indicator_keys" TEXT[],
    "worst_n" INTEGER NOT NULL,
    "min_hits" INTEGER NOT NULL,
    "buurt_codes" TEXT[],
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "preselection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "preselection_comment" (
    "id" UUID NOT NULL,
    "preselection_id" UUID NOT NULL,
    "buurt_code" TEXT NOT NULL,
    "verdict" "review_verdict" NOT NULL,
    "text" TEXT NOT NULL,
    "author_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "preselection_comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "focus_area" (
    "id" UUID NOT NULL,
    "gemeente_code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "buurt_codes" TEXT[],
    "reason" TEXT NOT NULL,
    "designated_on" DATE NOT NULL,
    "preselection_id" UUID,
    "designated_by_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "focus_area_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "import_job" (
    "id" UUID NOT NULL,
    "file_name" TEXT NOT NULL,
    "stored_path" TEXT NOT NULL,
    "size_bytes" BIGINT NOT NULL,
    "default_source" TEXT,
    "year" INTEGER,
    "status" "import_job_status" NOT NULL DEFAULT 'queued',
    "bytes_read" BIGINT NOT NULL DEFAULT 0,
    "rows_read" INTEGER NOT NULL DEFAULT 0,
    "report" JSONB,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMP(3),
    "finished_at" TIMESTAMP(3),

    CONSTRAINT "import_job_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "buurt_scan_agenda_id_number_key" ON "buurt_scan"("agenda_id", "number");

-- CreateIndex
CREATE INDEX "preselection_gemeente_code_created_at_idx" ON "preselection"("gemeente_code", "created_at");

-- CreateIndex
CREATE INDEX "preselection_comment_preselection_id_buurt_code_idx" ON "preselection_comment"("preselection_id", "buurt_code");

-- CreateIndex
CREATE INDEX "focus_area_gemeente_code_idx" ON "focus_area"("gemeente_code");

-- CreateIndex
CREATE INDEX "import_job_status_created_at_idx" ON "import_job"("status", "created_at");

-- AddForeignKey
ALTER TABLE "buurt_scan" ADD CONSTRAINT "buurt_scan_agenda_id_fkey" FOREIGN KEY ("agenda_id") REFERENCES "buurtagenda"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "buurt_scan_value" ADD CONSTRAINT "buurt_scan_value_scan_id_fkey" FOREIGN KEY ("scan_id") REFERENCES "buurt_scan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "preselection_comment" ADD CONSTRAINT "preselection_comment_preselection_id_fkey" FOREIGN KEY ("preselection_id") REFERENCES "preselection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: at most one draft buurtscan per buurtagenda (a partial index Prisma's schema
-- cannot express); a second concurrent "start" fails on it instead of making two drafts.
CREATE UNIQUE INDEX "buurt_scan_one_draft_per_agenda" ON "buurt_scan"("agenda_id") WHERE "frozen_at" IS NULL;
