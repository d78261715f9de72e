-- AlterTable
ALTER TABLE "app_user" ADD COLUMN     "inactivity_warned_at" TIMESTAMP(3),
ADD COLUMN     "last_seen_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "audit_event" ADD COLUMN     "ip" TEXT,
ADD COLUMN     "origin" TEXT NOT NULL DEFAULT 'unknown',
ADD COLUMN     "result" TEXT NOT NULL DEFAULT 'success';

-- CreateIndex
CREATE INDEX "audit_event_created_at_idx" ON "audit_event"("created_at");

-- Hand-written: events from before this migration do not know their origin; new ones do.
ALTER TABLE "audit_event" ALTER COLUMN "origin" SET DEFAULT 'script';

-- Hand-written: inactivity counts from the last sign-in or session use known so far.
UPDATE "app_user" u SET "last_seen_at" = GREATEST(
  u."created_at",
  COALESCE((SELECT max(s."last_verified_at") FROM "session" s WHERE s."user_id" = u."id"), u."created_at"));

-- Hand-written: the audit trail stays append-only, except for the retention job, which marks its
-- own transaction (SET LOCAL buurtagenda.audit_retention = 'on') and may then delete events
-- older than a month only — never the recent trail, whatever the configured period.
CREATE OR REPLACE FUNCTION "audit_event_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE'
     AND current_setting('buurtagenda.audit_retention', true) = 'on'
     AND OLD."created_at" < (now() AT TIME ZONE 'UTC') - interval '1 month' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_event is append-only';
END;
$$;
