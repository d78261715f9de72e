-- AlterTable
ALTER TABLE "idea" ADD COLUMN     "latest_verdict" "FeasibilityVerdict";

-- CreateTable
CREATE TABLE "buurt_story_count" (
    "buurt_code" TEXT NOT NULL,
    "stories" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "buurt_story_count_pkey" PRIMARY KEY ("buurt_code")
);

-- Kept by triggers (decision 0033): the council dashboard reads these instead of counting
-- thousands of stories and sorting every judgement of 300 agendas on each request.

-- Both counted afresh from what they count: the backfill below, and npm run db:restore after
-- loading a backup (the rows it loads fire the triggers on top of the counters it loads).
CREATE FUNCTION "refresh_derived_counters"() RETURNS void LANGUAGE sql AS $$
  DELETE FROM "buurt_story_count";
  -- Stories per buurt in every status but withdrawn.
  INSERT INTO "buurt_story_count" ("buurt_code", "stories")
  SELECT "buurt_code", count(*)::int FROM "story" WHERE "status" <> 'withdrawn' GROUP BY "buurt_code";
  -- The verdict of each idea's newest judgement (newest by created_at, then id).
  UPDATE "idea" i SET "latest_verdict" = j."verdict"
  FROM (
    SELECT "id", (
      SELECT f."verdict" FROM "feasibility_judgement" f WHERE f."idea_id" = x."id"
      ORDER BY f."created_at" DESC, f."id" DESC LIMIT 1
    ) AS "verdict"
    FROM "idea" x
  ) j
  WHERE j."id" = i."id" AND j."verdict" IS DISTINCT FROM i."latest_verdict";
$$;

SELECT "refresh_derived_counters"();

CREATE FUNCTION "buurt_story_count_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A story moderated from waiting to published stays counted: no write.
  IF TG_OP = 'UPDATE' AND OLD."buurt_code" = NEW."buurt_code"
     AND (OLD."status" = 'withdrawn') = (NEW."status" = 'withdrawn') THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."status" <> 'withdrawn' THEN
    UPDATE "buurt_story_count" SET "stories" = "stories" - 1 WHERE "buurt_code" = OLD."buurt_code";
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."status" <> 'withdrawn' THEN
    INSERT INTO "buurt_story_count" ("buurt_code", "stories") VALUES (NEW."buurt_code", 1)
    ON CONFLICT ("buurt_code") DO UPDATE SET "stories" = "buurt_story_count"."stories" + 1;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "story_counted_per_buurt"
AFTER INSERT OR DELETE OR UPDATE OF "status", "buurt_code" ON "story"
FOR EACH ROW EXECUTE FUNCTION "buurt_story_count_change"();

CREATE FUNCTION "idea_latest_verdict_change"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  target uuid;
BEGIN
  FOR target IN
    SELECT DISTINCT x FROM unnest(ARRAY[
      CASE WHEN TG_OP <> 'INSERT' THEN OLD."idea_id" END,
      CASE WHEN TG_OP <> 'DELETE' THEN NEW."idea_id" END
    ]) AS x WHERE x IS NOT NULL
  LOOP
    UPDATE "idea" SET "latest_verdict" = (
      SELECT "verdict" FROM "feasibility_judgement" WHERE "idea_id" = target
      ORDER BY "created_at" DESC, "id" DESC LIMIT 1
    ) WHERE "id" = target;
  END LOOP;
  RETURN NULL;
END $$;

CREATE TRIGGER "idea_latest_verdict"
AFTER INSERT OR DELETE OR UPDATE OF "verdict", "created_at", "idea_id" ON "feasibility_judgement"
FOR EACH ROW EXECUTE FUNCTION "idea_latest_verdict_change"();
