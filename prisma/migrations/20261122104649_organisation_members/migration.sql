-- CreateTable
CREATE TABLE "organisation_member" (
    "user_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "organisation_member_pkey" PRIMARY KEY ("user_id","organisation_id")
);

-- CreateIndex
CREATE INDEX "organisation_member_organisation_id_idx" ON "organisation_member"("organisation_id");

-- AddForeignKey
ALTER TABLE "organisation_member" ADD CONSTRAINT "organisation_member_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organisation_member" ADD CONSTRAINT "organisation_member_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
