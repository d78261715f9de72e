-- CreateEnum
CREATE TYPE "AgreementStatus" AS ENUM ('planned', 'in_progress', 'done', 'stalled', 'dropped');

-- CreateEnum
CREATE TYPE "SignOffDecision" AS ENUM ('approved', 'declined');

-- CreateTable
CREATE TABLE "agreement" (
    "id" UUID NOT NULL,
    "agenda_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "owner_party_id" UUID NOT NULL,
    "starts_on" DATE NOT NULL,
    "due_on" DATE NOT NULL,
    "cost_euros" INTEGER,
    "budget_source" TEXT NOT NULL DEFAULT '',
    "status" "AgreementStatus" NOT NULL DEFAULT 'planned',
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "agreement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "agreement_finding" (
    "agreement_id" UUID NOT NULL,
    "finding_id" UUID NOT NULL,

    CONSTRAINT "agreement_finding_pkey" PRIMARY KEY ("agreement_id","finding_id")
);

-- CreateTable
CREATE TABLE "agreement_idea" (
    "agreement_id" UUID NOT NULL,
    "idea_id" UUID NOT NULL,

    CONSTRAINT "agreement_idea_pkey" PRIMARY KEY ("agreement_id","idea_id")
);

-- CreateTable
CREATE TABLE "agenda_document" (
    "agenda_id" UUID NOT NULL,
    "content" JSONB NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "updated_by_id" UUID,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "agenda_document_pkey" PRIMARY KEY ("agenda_id")
);

-- CreateTable
CREATE TABLE "agenda_sign_off" (
    "id" UUID NOT NULL,
    "agenda_id" UUID NOT NULL,
    "party_id" UUID NOT NULL,
    "revision" INTEGER NOT NULL,
    "decision" "SignOffDecision" NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "signed_by_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "agenda_sign_off_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "agenda_version" (
    "id" UUID NOT NULL,
    "agenda_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "revision" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "records" JSONB NOT NULL,
    "published_by_id" UUID NOT NULL,
    "published_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "agenda_version_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "agreement_agenda_id_due_on_idx" ON "agreement"("agenda_id", "due_on");

-- CreateIndex
CREATE INDEX "agreement_owner_party_id_idx" ON "agreement"("owner_party_id");

-- CreateIndex
CREATE INDEX "agreement_finding_finding_id_idx" ON "agreement_finding"("finding_id");

-- CreateIndex
CREATE INDEX "agreement_idea_idea_id_idx" ON "agreement_idea"("idea_id");

-- CreateIndex
CREATE INDEX "agenda_sign_off_agenda_id_revision_idx" ON "agenda_sign_off"("agenda_id", "revision");

-- CreateIndex
CREATE UNIQUE INDEX "agenda_version_agenda_id_number_key" ON "agenda_version"("agenda_id", "number");

-- AddForeignKey
ALTER TABLE "agreement" ADD CONSTRAINT "agreement_agenda_id_fkey" FOREIGN KEY ("agenda_id") REFERENCES "buurtagenda"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agreement" ADD CONSTRAINT "agreement_owner_party_id_fkey" FOREIGN KEY ("owner_party_id") REFERENCES "agenda_party"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agreement_finding" ADD CONSTRAINT "agreement_finding_agreement_id_fkey" FOREIGN KEY ("agreement_id") REFERENCES "agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agreement_finding" ADD CONSTRAINT "agreement_finding_finding_id_fkey" FOREIGN KEY ("finding_id") REFERENCES "finding"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agreement_idea" ADD CONSTRAINT "agreement_idea_agreement_id_fkey" FOREIGN KEY ("agreement_id") REFERENCES "agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agreement_idea" ADD CONSTRAINT "agreement_idea_idea_id_fkey" FOREIGN KEY ("idea_id") REFERENCES "idea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agenda_document" ADD CONSTRAINT "agenda_document_agenda_id_fkey" FOREIGN KEY ("agenda_id") REFERENCES "buurtagenda"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agenda_sign_off" ADD CONSTRAINT "agenda_sign_off_agenda_id_fkey" FOREIGN KEY ("agenda_id") REFERENCES "buurtagenda"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agenda_sign_off" ADD CONSTRAINT "agenda_sign_off_party_id_fkey" FOREIGN KEY ("party_id") REFERENCES "agenda_party"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agenda_version" ADD CONSTRAINT "agenda_version_agenda_id_fkey" FOREIGN KEY ("agenda_id") REFERENCES "buurtagenda"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: the rules of an agreement hold in the database too.
ALTER TABLE "agreement"
  ADD CONSTRAINT "agreement_due_after_start" CHECK ("due_on" >= "starts_on"),
  ADD CONSTRAINT "agreement_cost_not_negative" CHECK ("cost_euros" IS NULL OR "cost_euros" >= 0);

-- A published version is never changed: the citable text is the text that was published.
CREATE FUNCTION agenda_version_immutable() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'A published version of a buurtagenda cannot be changed';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER agenda_version_no_update BEFORE UPDATE ON "agenda_version"
  FOR EACH ROW EXECUTE FUNCTION agenda_version_immutable();
