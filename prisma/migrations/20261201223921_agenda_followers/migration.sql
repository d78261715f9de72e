-- CreateTable
CREATE TABLE "agenda_follower" (
    "agenda_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "unsubscribe_token" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "agenda_follower_pkey" PRIMARY KEY ("agenda_id","user_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "agenda_follower_unsubscribe_token_key" ON "agenda_follower"("unsubscribe_token");

-- CreateIndex
CREATE INDEX "agenda_follower_user_id_idx" ON "agenda_follower"("user_id");

-- AddForeignKey
ALTER TABLE "agenda_follower" ADD CONSTRAINT "agenda_follower_agenda_id_fkey" FOREIGN KEY ("agenda_id") REFERENCES "buurtagenda"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agenda_follower" ADD CONSTRAINT "agenda_follower_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
