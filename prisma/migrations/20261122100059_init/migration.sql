-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "email_code_purpose" AS ENUM ('verify_email', 'sign_in');

-- CreateEnum
CREATE TYPE "role" AS ENUM ('bewoner', 'buurtplatform', 'gemeente', 'partner', 'adviesraad', 'beheerder');

-- CreateEnum
CREATE TYPE "scope_type" AS ENUM ('national', 'gemeente', 'wijk', 'buurt', 'buurtagenda');

-- CreateTable
CREATE TABLE "gemeente" (
    "code" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "bbox_west" DOUBLE PRECISION NOT NULL,
    "bbox_south" DOUBLE PRECISION NOT NULL,
    "bbox_east" DOUBLE PRECISION NOT NULL,
    "bbox_north" DOUBLE PRECISION NOT NULL,
    "centroid_lon" DOUBLE PRECISION NOT NULL,
    "centroid_lat" DOUBLE PRECISION NOT NULL,
    "imported_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "gemeente_pkey" PRIMARY KEY ("code","year")
);

-- CreateTable
CREATE TABLE "wijk" (
    "code" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "gemeente_code" TEXT NOT NULL,
    "bbox_west" DOUBLE PRECISION NOT NULL,
    "bbox_south" DOUBLE PRECISION NOT NULL,
    "bbox_east" DOUBLE PRECISION NOT NULL,
    "bbox_north" DOUBLE PRECISION NOT NULL,
    "centroid_lon" DOUBLE PRECISION NOT NULL,
    "centroid_lat" DOUBLE PRECISION NOT NULL,
    "imported_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "wijk_pkey" PRIMARY KEY ("code","year")
);

-- CreateTable
CREATE TABLE "buurt" (
    "code" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "wijk_code" TEXT NOT NULL,
    "gemeente_code" TEXT NOT NULL,
    "geometry" JSONB,
    "bbox_west" DOUBLE PRECISION NOT NULL,
    "bbox_south" DOUBLE PRECISION NOT NULL,
    "bbox_east" DOUBLE PRECISION NOT NULL,
    "bbox_north" DOUBLE PRECISION NOT NULL,
    "centroid_lon" DOUBLE PRECISION NOT NULL,
    "centroid_lat" DOUBLE PRECISION NOT NULL,
    "imported_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "buurt_pkey" PRIMARY KEY ("code","year")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "email_verified_at" TIMESTAMP(3),
    "password_hash" TEXT,
    "display_name" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'nl',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session" (
    "id" TEXT NOT NULL,
    "secret_hash" BYTEA NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_verified_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "email_code" (
    "email" TEXT NOT NULL,
    "purpose" "email_code_purpose" NOT NULL,
    "code_hash" BYTEA NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "email_code_pkey" PRIMARY KEY ("email","purpose")
);

-- CreateTable
CREATE TABLE "password_reset" (
    "id" TEXT NOT NULL,
    "secret_hash" BYTEA NOT NULL,
    "user_id" UUID NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "used_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "password_reset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_limit" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "window_start" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "rate_limit_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "role_assignment" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "role" "role" NOT NULL,
    "scope_type" "scope_type" NOT NULL,
    "scope_id" TEXT NOT NULL,
    "granted_by_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "role_assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "id" BIGSERIAL NOT NULL,
    "actor_id" UUID,
    "action" TEXT NOT NULL,
    "subject_type" TEXT NOT NULL,
    "subject_id" TEXT NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "gemeente_year_name_idx" ON "gemeente"("year", "name");

-- CreateIndex
CREATE INDEX "wijk_gemeente_code_year_idx" ON "wijk"("gemeente_code", "year");

-- CreateIndex
CREATE INDEX "buurt_wijk_code_year_idx" ON "buurt"("wijk_code", "year");

-- CreateIndex
CREATE INDEX "buurt_gemeente_code_year_idx" ON "buurt"("gemeente_code", "year");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");

-- CreateIndex
CREATE INDEX "session_user_id_idx" ON "session"("user_id");

-- CreateIndex
CREATE INDEX "password_reset_user_id_idx" ON "password_reset"("user_id");

-- CreateIndex
CREATE INDEX "role_assignment_scope_type_scope_id_idx" ON "role_assignment"("scope_type", "scope_id");

-- CreateIndex
CREATE UNIQUE INDEX "role_assignment_user_id_role_scope_type_scope_id_key" ON "role_assignment"("user_id", "role", "scope_type", "scope_id");

-- CreateIndex
CREATE INDEX "audit_event_subject_type_subject_id_created_at_idx" ON "audit_event"("subject_type", "subject_id", "created_at");

-- CreateIndex
CREATE INDEX "audit_event_actor_id_created_at_idx" ON "audit_event"("actor_id", "created_at");

-- AddForeignKey
ALTER TABLE "wijk" ADD CONSTRAINT "wijk_gemeente_code_year_fkey" FOREIGN KEY ("gemeente_code", "year") REFERENCES "gemeente"("code", "year") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "buurt" ADD CONSTRAINT "buurt_wijk_code_year_fkey" FOREIGN KEY ("wijk_code", "year") REFERENCES "wijk"("code", "year") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "password_reset" ADD CONSTRAINT "password_reset_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "role_assignment" ADD CONSTRAINT "role_assignment_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: the audit trail is append-only (ARCHITECTURE.md §4). The schema engine's
-- datamodel diff does not see triggers, so later generated migrations leave this alone.
CREATE FUNCTION "audit_event_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only';
END;
$$;

CREATE TRIGGER "audit_event_append_only"
  BEFORE UPDATE OR DELETE ON "audit_event"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_refuse_change"();
