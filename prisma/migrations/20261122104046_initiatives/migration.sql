-- CreateTable
CREATE TABLE "initiative" (
    "id" UUID NOT NULL,
    "agenda_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "organiser" TEXT NOT NULL,
    "place" TEXT NOT NULL DEFAULT '',
    "contact" TEXT NOT NULL DEFAULT '',
    "since" DATE,
    "lon" DOUBLE PRECISION,
    "lat" DOUBLE PRECISION,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "initiative_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "initiative_agenda_id_idx" ON "initiative"("agenda_id");

-- AddForeignKey
ALTER TABLE "initiative" ADD CONSTRAINT "initiative_agenda_id_fkey" FOREIGN KEY ("agenda_id") REFERENCES "buurtagenda"("id") ON DELETE CASCADE ON UPDATE CASCADE;
