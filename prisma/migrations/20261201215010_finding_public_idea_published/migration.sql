-- AlterTable
ALTER TABLE "finding" ADD COLUMN     "is_public" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "idea" ADD COLUMN     "published_at" TIMESTAMP(3);
