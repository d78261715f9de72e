-- CreateEnum
CREATE TYPE "InstrumentKind" AS ENUM ('policy_plan', 'programme', 'subsidy', 'corporation_agreement', 'budget_line');

-- CreateEnum
CREATE TYPE "IdeaStatus" AS ENUM ('submitted', 'published', 'rejected', 'merged');

-- CreateEnum
CREATE TYPE "IdeaOrigin" AS ENUM ('resident', 'partner', 'platform', 'gemeente');

-- CreateEnum
CREATE TYPE "FeasibilityVerdict" AS ENUM ('fits', 'needs_decision', 'does_not_fit');

-- CreateTable
CREATE TABLE "policy_instrument" (
    "id" UUID NOT NULL,
    "gemeente_code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kind" "InstrumentKind" NOT NULL,
    "start_year" INTEGER,
    "end_year" INTEGER,
    "department" TEXT NOT NULL DEFAULT '',
    "url" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL DEFAULT '',
    "created_by_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "policy_instrument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "idea" (
    "id" UUID NOT NULL,
    "agenda_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "proposer_id" UUID,
    "origin" "IdeaOrigin" NOT NULL,
    "status" "IdeaStatus" NOT NULL DEFAULT 'submitted',
    "rejection_note" TEXT NOT NULL DEFAULT '',
    "merged_into_id" UUID,
    "is_demo" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "idea_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "idea_finding" (
    "idea_id" UUID NOT NULL,
    "finding_id" UUID NOT NULL,

    CONSTRAINT "idea_finding_pkey" PRIMARY KEY ("idea_id","finding_id")
);

-- CreateTable
CREATE TABLE "idea_support" (
    "idea_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "idea_support_pkey" PRIMARY KEY ("idea_id","user_id")
);

-- CreateTable
CREATE TABLE "feasibility_judgement" (
    "id" UUID NOT NULL,
    "idea_id" UUID NOT NULL,
    "verdict" "FeasibilityVerdict" NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "decision_by" TEXT NOT NULL DEFAULT '',
    "decision_due" DATE,
    "cost_euros" INTEGER,
    "budget_source" TEXT NOT NULL DEFAULT '',
    "judged_by_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "feasibility_judgement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "judgement_instrument" (
    "judgement_id" UUID NOT NULL,
    "instrument_id" UUID NOT NULL,

    CONSTRAINT "judgement_instrument_pkey" PRIMARY KEY ("judgement_id","instrument_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "policy_instrument_gemeente_code_title_key" ON "policy_instrument"("gemeente_code", "title");

-- CreateIndex
CREATE INDEX "idea_agenda_id_status_created_at_idx" ON "idea"("agenda_id", "status", "created_at");

-- CreateIndex
CREATE INDEX "idea_proposer_id_idx" ON "idea"("proposer_id");

-- CreateIndex
CREATE INDEX "idea_finding_finding_id_idx" ON "idea_finding"("finding_id");

-- CreateIndex
CREATE INDEX "idea_support_user_id_idx" ON "idea_support"("user_id");

-- CreateIndex
CREATE INDEX "feasibility_judgement_idea_id_created_at_idx" ON "feasibility_judgement"("idea_id", "created_at");

-- CreateIndex
CREATE INDEX "judgement_instrument_instrument_id_idx" ON "judgement_instrument"("instrument_id");

-- AddForeignKey
ALTER TABLE "idea" ADD CONSTRAINT "idea_agenda_id_fkey" FOREIGN KEY ("agenda_id") REFERENCES "buurtagenda"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "idea" ADD CONSTRAINT "idea_proposer_id_fkey" FOREIGN KEY ("proposer_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "idea" ADD CONSTRAINT "idea_merged_into_id_fkey" FOREIGN KEY ("merged_into_id") REFERENCES "idea"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "idea_finding" ADD CONSTRAINT "idea_finding_idea_id_fkey" FOREIGN KEY ("idea_id") REFERENCES "idea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "idea_finding" ADD CONSTRAINT "idea_finding_finding_id_fkey" FOREIGN KEY ("finding_id") REFERENCES "finding"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "idea_support" ADD CONSTRAINT "idea_support_idea_id_fkey" FOREIGN KEY ("idea_id") REFERENCES "idea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "idea_support" ADD CONSTRAINT "idea_support_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feasibility_judgement" ADD CONSTRAINT "feasibility_judgement_idea_id_fkey" FOREIGN KEY ("idea_id") REFERENCES "idea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "judgement_instrument" ADD CONSTRAINT "judgement_instrument_judgement_id_fkey" FOREIGN KEY ("judgement_id") REFERENCES "feasibility_judgement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "judgement_instrument" ADD CONSTRAINT "judgement_instrument_instrument_id_fkey" FOREIGN KEY ("instrument_id") REFERENCES "policy_instrument"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: the rules of a judgement hold in the database too, whatever code writes it.
ALTER TABLE "feasibility_judgement"
  ADD CONSTRAINT "feasibility_judgement_cost_not_negative" CHECK ("cost_euros" IS NULL OR "cost_euros" >= 0),
  ADD CONSTRAINT "feasibility_judgement_reason_when_not_fitting" CHECK ("verdict" <> 'does_not_fit' OR btrim("reason") <> '');
ALTER TABLE "policy_instrument"
  ADD CONSTRAINT "policy_instrument_period" CHECK ("start_year" IS NULL OR "end_year" IS NULL OR "end_year" >= "start_year");
