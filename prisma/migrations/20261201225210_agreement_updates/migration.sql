-- CreateTable
CREATE TABLE "agreement_update" (
    "id" UUID NOT NULL,
    "agreement_id" UUID NOT NULL,
    "status" "AgreementStatus" NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "link" TEXT NOT NULL DEFAULT '',
    "happened_on" DATE NOT NULL,
    "author_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "agreement_update_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "agreement_update_agreement_id_created_at_idx" ON "agreement_update"("agreement_id", "created_at");

-- AddForeignKey
ALTER TABLE "agreement_update" ADD CONSTRAINT "agreement_update_agreement_id_fkey" FOREIGN KEY ("agreement_id") REFERENCES "agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: "stalled" and "dropped" always say why.
ALTER TABLE "agreement_update"
  ADD CONSTRAINT "agreement_update_reason_when_stuck" CHECK ("status" NOT IN ('stalled', 'dropped') OR btrim("note") <> '');
