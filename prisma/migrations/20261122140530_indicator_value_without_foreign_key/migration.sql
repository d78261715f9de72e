-- DropForeignKey
ALTER TABLE "indicator_value" DROP CONSTRAINT "indicator_value_indicator_key_fkey";
