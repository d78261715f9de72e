-- The moderation queue: stories waiting for a moderator in a wijk's range of buurt codes, oldest
-- first. Without it the queue and its count read every published story of the wijk (8,200 rows at
-- national scale) to find the 392 that wait.
CREATE INDEX "story_waiting_idx" ON "story" ("buurt_code", "created_at", "id") WHERE "status" = 'submitted';
