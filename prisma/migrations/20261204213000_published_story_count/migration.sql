-- AlterTable
ALTER TABLE "buurt_story_count" ADD COLUMN     "published" INTEGER NOT NULL DEFAULT 0;

-- Published stories per buurt, next to all stories (decision 0033): the public story lists read
-- their total here instead of counting thousands of stories for every page of 25.
CREATE OR REPLACE FUNCTION "refresh_derived_counters"() RETURNS void LANGUAGE sql AS $$
  DELETE FROM "buurt_story_count";
  -- Stories per buurt in every status but withdrawn; of those, published with consent.
  INSERT INTO "buurt_story_count" ("buurt_code", "stories", "published")
  SELECT "buurt_code", count(*)::int,
    (count(*) FILTER (WHERE "status" = 'published' AND "consent_publish"))::int
  FROM "story" WHERE "status" <> 'withdrawn' GROUP BY "buurt_code";
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

CREATE FUNCTION "buurt_story_count_add"(code text, add_stories int, add_published int)
RETURNS void LANGUAGE sql AS $$
  INSERT INTO "buurt_story_count" ("buurt_code", "stories", "published")
  VALUES (code, add_stories, add_published)
  ON CONFLICT ("buurt_code") DO UPDATE SET
    "stories" = "buurt_story_count"."stories" + EXCLUDED."stories",
    "published" = "buurt_story_count"."published" + EXCLUDED."published";
$$;

CREATE OR REPLACE FUNCTION "buurt_story_count_change"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_counted int := 0;
  old_published int := 0;
  new_counted int := 0;
  new_published int := 0;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    old_counted := (OLD."status" <> 'withdrawn')::int;
    old_published := (OLD."status" = 'published' AND OLD."consent_publish")::int;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    new_counted := (NEW."status" <> 'withdrawn')::int;
    new_published := (NEW."status" = 'published' AND NEW."consent_publish")::int;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD."buurt_code" = NEW."buurt_code" THEN
    -- Most updates (an edit, a moderation that keeps the story counted) change nothing here.
    IF new_counted <> old_counted OR new_published <> old_published THEN
      PERFORM "buurt_story_count_add"(NEW."buurt_code", new_counted - old_counted,
        new_published - old_published);
    END IF;
    RETURN NULL;
  END IF;
  -- A published story is counted too, so a buurt without a row has nothing to take away.
  IF old_counted > 0 THEN
    PERFORM "buurt_story_count_add"(OLD."buurt_code", -old_counted, -old_published);
  END IF;
  IF new_counted > 0 THEN
    PERFORM "buurt_story_count_add"(NEW."buurt_code", new_counted, new_published);
  END IF;
  RETURN NULL;
END $$;

DROP TRIGGER "story_counted_per_buurt" ON "story";
CREATE TRIGGER "story_counted_per_buurt"
AFTER INSERT OR DELETE OR UPDATE OF "status", "buurt_code", "consent_publish" ON "story"
FOR EACH ROW EXECUTE FUNCTION "buurt_story_count_change"();
