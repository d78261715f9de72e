-- CreateEnum
CREATE TYPE "AdviceKind" AS ENUM ('review_note', 'advice');

-- CreateEnum
CREATE TYPE "AdviceAnswer" AS ENUM ('adopted', 'partly_adopted', 'not_adopted');

-- CreateTable
CREATE TABLE "council_advice" (
    "id" UUID NOT NULL,
    "agenda_id" UUID NOT NULL,
    "version_number" INTEGER,
    "kind" "AdviceKind" NOT NULL,
    "title" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "attachment" TEXT NOT NULL DEFAULT '',
    "author_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answer" "AdviceAnswer",
    "answer_reason" TEXT NOT NULL DEFAULT '',
    "answered_by_id" UUID,
    "answered_at" TIMESTAMP(3),

    CONSTRAINT "council_advice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "council_advice_agenda_id_created_at_idx" ON "council_advice"("agenda_id", "created_at");

-- AddForeignKey
ALTER TABLE "council_advice" ADD CONSTRAINT "council_advice_agenda_id_fkey" FOREIGN KEY ("agenda_id") REFERENCES "buurtagenda"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: an answer always says why (the council reads it), and only advice is answered.
ALTER TABLE "council_advice"
  ADD CONSTRAINT "council_advice_answer_with_reason" CHECK ("answer" IS NULL OR btrim("answer_reason") <> ''),
  ADD CONSTRAINT "council_advice_only_advice_answered" CHECK ("answer" IS NULL OR "kind" = 'advice');
