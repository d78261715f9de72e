-- CreateEnum
CREATE TYPE "block_status" AS ENUM ('not_started', 'in_progress', 'done');

-- CreateEnum
CREATE TYPE "urgency_decision" AS ENUM ('continue', 'continue_on_themes', 'stop');

-- CreateEnum
CREATE TYPE "trigger_kind" AS ENUM ('focus_area', 'policy_plan', 'professional_signals', 'incident', 'other');

-- CreateEnum
CREATE TYPE "support_group" AS ENUM ('civil_service', 'politics', 'organisations', 'residents');

-- CreateEnum
CREATE TYPE "support_level" AS ENUM ('insufficient', 'doubtful', 'sufficient', 'strong');

-- CreateEnum
CREATE TYPE "organisation_kind" AS ENUM ('housing_corporation', 'police', 'welfare', 'school', 'care', 'gp', 'business', 'residents_association', 'owners_association', 'neighbourhood_platform', 'council', 'municipality');

-- CreateEnum
CREATE TYPE "participation_role" AS ENUM ('decides', 'co_creates', 'advises', 'informed');

-- CreateEnum
CREATE TYPE "invitation_status" AS ENUM ('not_invited', 'invited', 'accepted', 'declined');

-- CreateTable
CREATE TABLE "buurtagenda" (
    "id" UUID NOT NULL,
    "gemeente_code" TEXT NOT NULL,
    "territory_year" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "public_description" TEXT NOT NULL,
    "starts_on" DATE NOT NULL,
    "ends_on" DATE NOT NULL,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "buurtagenda_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "buurtagenda_buurt" (
    "agenda_id" UUID NOT NULL,
    "buurt_code" TEXT NOT NULL,
    "year" INTEGER NOT NULL,

    CONSTRAINT "buurtagenda_buurt_pkey" PRIMARY KEY ("agenda_id","buurt_code")
);

-- CreateTable
CREATE TABLE "buurtagenda_block" (
    "agenda_id" UUID NOT NULL,
    "block" INTEGER NOT NULL,
    "status" "block_status" NOT NULL DEFAULT 'not_started',
    "owner_id" UUID,
    "done_by_id" UUID,
    "done_at" TIMESTAMP(3),
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "buurtagenda_block_pkey" PRIMARY KEY ("agenda_id","block")
);

-- CreateTable
CREATE TABLE "urgency" (
    "agenda_id" UUID NOT NULL,
    "statement" TEXT NOT NULL DEFAULT '',
    "budget_euros" INTEGER,
    "budget_source" TEXT NOT NULL DEFAULT '',
    "legal_limits" TEXT NOT NULL DEFAULT '',
    "technical_limits" TEXT NOT NULL DEFAULT '',
    "not_open_for_discussion" TEXT NOT NULL DEFAULT '',
    "capacity_hours_per_month" INTEGER,
    "decision" "urgency_decision",
    "decision_themes" TEXT NOT NULL DEFAULT '',
    "decision_note" TEXT NOT NULL DEFAULT '',
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "urgency_pkey" PRIMARY KEY ("agenda_id")
);

-- CreateTable
CREATE TABLE "urgency_trigger" (
    "id" UUID NOT NULL,
    "agenda_id" UUID NOT NULL,
    "kind" "trigger_kind" NOT NULL,
    "note" TEXT NOT NULL,
    "link" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "urgency_trigger_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "support_assessment" (
    "agenda_id" UUID NOT NULL,
    "group" "support_group" NOT NULL,
    "level" "support_level" NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "support_assessment_pkey" PRIMARY KEY ("agenda_id","group")
);

-- CreateTable
CREATE TABLE "organisation" (
    "id" UUID NOT NULL,
    "gemeente_code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "organisation_kind" NOT NULL,
    "website" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contact_person" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "job_title" TEXT,

    CONSTRAINT "contact_person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "agenda_party" (
    "id" UUID NOT NULL,
    "agenda_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "contact_person_id" UUID,
    "participation_role" "participation_role" NOT NULL,
    "invitation_status" "invitation_status" NOT NULL DEFAULT 'not_invited',
    "commitment" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "agenda_party_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invitation" (
    "id" TEXT NOT NULL,
    "secret_hash" BYTEA NOT NULL,
    "agenda_id" UUID NOT NULL,
    "party_id" UUID,
    "email" TEXT NOT NULL,
    "role" "role" NOT NULL,
    "invited_by_id" UUID NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "accepted_at" TIMESTAMP(3),
    "accepted_by_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "invitation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "buurtagenda_gemeente_code_idx" ON "buurtagenda"("gemeente_code");

-- CreateIndex
CREATE INDEX "buurtagenda_buurt_buurt_code_idx" ON "buurtagenda_buurt"("buurt_code");

-- CreateIndex
CREATE INDEX "urgency_trigger_agenda_id_idx" ON "urgency_trigger"("agenda_id");

-- CreateIndex
CREATE UNIQUE INDEX "organisation_gemeente_code_name_key" ON "organisation"("gemeente_code", "name");

-- CreateIndex
CREATE INDEX "contact_person_organisation_id_idx" ON "contact_person"("organisation_id");

-- CreateIndex
CREATE UNIQUE INDEX "agenda_party_agenda_id_organisation_id_key" ON "agenda_party"("agenda_id", "organisation_id");

-- CreateIndex
CREATE INDEX "invitation_agenda_id_idx" ON "invitation"("agenda_id");

-- AddForeignKey
ALTER TABLE "buurtagenda_buurt" ADD CONSTRAINT "buurtagenda_buurt_agenda_id_fkey" FOREIGN KEY ("agenda_id") REFERENCES "buurtagenda"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "buurtagenda_buurt" ADD CONSTRAINT "buurtagenda_buurt_buurt_code_year_fkey" FOREIGN KEY ("buurt_code", "year") REFERENCES "buurt"("code", "year") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "buurtagenda_block" ADD CONSTRAINT "buurtagenda_block_agenda_id_fkey" FOREIGN KEY ("agenda_id") REFERENCES "buurtagenda"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "buurtagenda_block" ADD CONSTRAINT "buurtagenda_block_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "buurtagenda_block" ADD CONSTRAINT "buurtagenda_block_done_by_id_fkey" FOREIGN KEY ("done_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "urgency" ADD CONSTRAINT "urgency_agenda_id_fkey" FOREIGN KEY ("agenda_id") REFERENCES "buurtagenda"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "urgency_trigger" ADD CONSTRAINT "urgency_trigger_agenda_id_fkey" FOREIGN KEY ("agenda_id") REFERENCES "buurtagenda"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_assessment" ADD CONSTRAINT "support_assessment_agenda_id_fkey" FOREIGN KEY ("agenda_id") REFERENCES "buurtagenda"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contact_person" ADD CONSTRAINT "contact_person_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agenda_party" ADD CONSTRAINT "agenda_party_agenda_id_fkey" FOREIGN KEY ("agenda_id") REFERENCES "buurtagenda"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agenda_party" ADD CONSTRAINT "agenda_party_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agenda_party" ADD CONSTRAINT "agenda_party_contact_person_id_fkey" FOREIGN KEY ("contact_person_id") REFERENCES "contact_person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitation" ADD CONSTRAINT "invitation_agenda_id_fkey" FOREIGN KEY ("agenda_id") REFERENCES "buurtagenda"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitation" ADD CONSTRAINT "invitation_party_id_fkey" FOREIGN KEY ("party_id") REFERENCES "agenda_party"("id") ON DELETE SET NULL ON UPDATE CASCADE;
