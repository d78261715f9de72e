-- CreateEnum
CREATE TYPE "budget_method" AS ENUM ('knapsack', 'approval');

-- AlterTable
ALTER TABLE "app_user" ADD COLUMN     "home_buurt_code" TEXT;

-- CreateTable
CREATE TABLE "budget_round" (
    "id" UUID NOT NULL,
    "agenda_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "amount_euros" INTEGER NOT NULL,
    "method" "budget_method" NOT NULL,
    "opens_on" DATE NOT NULL,
    "closes_on" DATE NOT NULL,
    "opened_by_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closed_at" TIMESTAMP(3),
    "closed_by_id" UUID,
    "owner_party_id" UUID,

    CONSTRAINT "budget_round_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "budget_round_idea" (
    "round_id" UUID NOT NULL,
    "idea_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "cost_euros" INTEGER NOT NULL,

    CONSTRAINT "budget_round_idea_pkey" PRIMARY KEY ("round_id","idea_id")
);

-- CreateTable
CREATE TABLE "budget_voter" (
    "round_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "buurt_code" TEXT NOT NULL,
    "first_cast_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "budget_voter_pkey" PRIMARY KEY ("round_id","user_id")
);

-- CreateTable
CREATE TABLE "budget_ballot" (
    "id" UUID NOT NULL,
    "round_id" UUID NOT NULL,
    "sealed_voter" TEXT NOT NULL,

    CONSTRAINT "budget_ballot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "budget_ballot_choice" (
    "ballot_id" UUID NOT NULL,
    "idea_id" UUID NOT NULL,

    CONSTRAINT "budget_ballot_choice_pkey" PRIMARY KEY ("ballot_id","idea_id")
);

-- CreateTable
CREATE TABLE "budget_result" (
    "round_id" UUID NOT NULL,
    "idea_id" UUID NOT NULL,
    "votes" INTEGER NOT NULL,
    "rank" INTEGER NOT NULL,
    "chosen" BOOLEAN NOT NULL,
    "outcome" TEXT NOT NULL,
    "tied_with" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "agreement_id" UUID,

    CONSTRAINT "budget_result_pkey" PRIMARY KEY ("round_id","idea_id")
);

-- CreateTable
CREATE TABLE "budget_turnout" (
    "round_id" UUID NOT NULL,
    "buurt_code" TEXT NOT NULL,
    "voters" INTEGER NOT NULL,

    CONSTRAINT "budget_turnout_pkey" PRIMARY KEY ("round_id","buurt_code")
);

-- CreateTable
CREATE TABLE "budget_deviation" (
    "id" UUID NOT NULL,
    "round_id" UUID NOT NULL,
    "idea_id" UUID NOT NULL,
    "include" BOOLEAN NOT NULL,
    "reason" TEXT NOT NULL,
    "by_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "budget_deviation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "good_practice" (
    "id" UUID NOT NULL,
    "agenda_id" UUID NOT NULL,
    "agreement_id" UUID,
    "title" TEXT NOT NULL,
    "what_worked" TEXT NOT NULL,
    "what_did_not" TEXT NOT NULL,
    "cost_euros" INTEGER,
    "area_kind" TEXT,
    "marked_by_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "good_practice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "good_practice_theme" (
    "practice_id" UUID NOT NULL,
    "theme_key" TEXT NOT NULL,

    CONSTRAINT "good_practice_theme_pkey" PRIMARY KEY ("practice_id","theme_key")
);

-- CreateIndex
CREATE INDEX "budget_round_agenda_id_created_at_idx" ON "budget_round"("agenda_id", "created_at");

-- CreateIndex
CREATE INDEX "budget_voter_user_id_idx" ON "budget_voter"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "budget_ballot_sealed_voter_key" ON "budget_ballot"("sealed_voter");

-- CreateIndex
CREATE INDEX "budget_ballot_round_id_idx" ON "budget_ballot"("round_id");

-- CreateIndex
CREATE INDEX "budget_deviation_round_id_created_at_idx" ON "budget_deviation"("round_id", "created_at");

-- CreateIndex
CREATE INDEX "good_practice_created_at_idx" ON "good_practice"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "good_practice_agenda_id_agreement_id_key" ON "good_practice"("agenda_id", "agreement_id");

-- CreateIndex
CREATE INDEX "good_practice_theme_theme_key_idx" ON "good_practice_theme"("theme_key");

-- AddForeignKey
ALTER TABLE "budget_round" ADD CONSTRAINT "budget_round_agenda_id_fkey" FOREIGN KEY ("agenda_id") REFERENCES "buurtagenda"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "budget_round_idea" ADD CONSTRAINT "budget_round_idea_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "budget_round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "budget_round_idea" ADD CONSTRAINT "budget_round_idea_idea_id_fkey" FOREIGN KEY ("idea_id") REFERENCES "idea"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "budget_voter" ADD CONSTRAINT "budget_voter_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "budget_round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "budget_voter" ADD CONSTRAINT "budget_voter_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "budget_ballot" ADD CONSTRAINT "budget_ballot_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "budget_round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "budget_ballot_choice" ADD CONSTRAINT "budget_ballot_choice_ballot_id_fkey" FOREIGN KEY ("ballot_id") REFERENCES "budget_ballot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "budget_result" ADD CONSTRAINT "budget_result_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "budget_round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "budget_result" ADD CONSTRAINT "budget_result_agreement_id_fkey" FOREIGN KEY ("agreement_id") REFERENCES "agreement"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "budget_turnout" ADD CONSTRAINT "budget_turnout_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "budget_round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "budget_deviation" ADD CONSTRAINT "budget_deviation_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "budget_round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "good_practice" ADD CONSTRAINT "good_practice_agenda_id_fkey" FOREIGN KEY ("agenda_id") REFERENCES "buurtagenda"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "good_practice" ADD CONSTRAINT "good_practice_agreement_id_fkey" FOREIGN KEY ("agreement_id") REFERENCES "agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "good_practice_theme" ADD CONSTRAINT "good_practice_theme_practice_id_fkey" FOREIGN KEY ("practice_id") REFERENCES "good_practice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "good_practice_theme" ADD CONSTRAINT "good_practice_theme_theme_key_fkey" FOREIGN KEY ("theme_key") REFERENCES "theme"("key") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: what the form checks, the database also refuses.
ALTER TABLE "budget_round" ADD CONSTRAINT "budget_round_amount_positive" CHECK ("amount_euros" > 0);
ALTER TABLE "budget_round" ADD CONSTRAINT "budget_round_period" CHECK ("closes_on" >= "opens_on");
ALTER TABLE "budget_round_idea" ADD CONSTRAINT "budget_round_idea_cost" CHECK ("cost_euros" >= 0);

-- A counted result is never changed afterwards: deviations are separate, public rows.
CREATE FUNCTION budget_result_immutable() RETURNS trigger AS $$
BEGIN
  IF NEW."votes" <> OLD."votes" OR NEW."rank" <> OLD."rank" OR NEW."chosen" <> OLD."chosen"
     OR NEW."outcome" <> OLD."outcome" THEN
    RAISE EXCEPTION 'budget_result is counted once and never changed';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER budget_result_immutable BEFORE UPDATE ON "budget_result"
  FOR EACH ROW EXECUTE FUNCTION budget_result_immutable();
CREATE UNIQUE INDEX "good_practice_whole_agenda" ON "good_practice"("agenda_id") WHERE "agreement_id" IS NULL;
