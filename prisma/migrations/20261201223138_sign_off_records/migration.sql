-- AlterTable
ALTER TABLE "agenda_sign_off" ADD COLUMN     "records_hash" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE UNIQUE INDEX "agenda_version_agenda_id_revision_key" ON "agenda_version"("agenda_id", "revision");

-- Hand-written: a published version is not deleted either (only with its buurtagenda, which the
-- app never deletes; whoever adds that drops this trigger in the same migration, deliberately).
CREATE TRIGGER agenda_version_no_delete BEFORE DELETE ON "agenda_version"
  FOR EACH ROW EXECUTE FUNCTION agenda_version_immutable();
