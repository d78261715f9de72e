-- CreateIndex
CREATE INDEX "story_gemeente_code_status_created_at_idx" ON "story"("gemeente_code", "status", "created_at");

-- Hand-written (Prisma's schema cannot express these; measured in bench/stories.bench.ts).
-- Open reports of a story (the queue's "reported" half).
CREATE INDEX "story_report_open_idx" ON "story_report" ("story_id") WHERE "handled_at" IS NULL;
-- The newest published or waiting stories of a buurt (the duplicate choices).
CREATE INDEX "story_recent_candidates_idx" ON "story" ("buurt_code", "created_at" DESC) WHERE "status" IN ('published', 'submitted');
-- A page of published stories of an area, newest first, and its total.
CREATE INDEX "story_published_buurt_idx" ON "story" ("buurt_code", "created_at" DESC, "id") WHERE "status" = 'published' AND "consent_publish";
