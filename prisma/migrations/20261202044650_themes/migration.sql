-- CreateEnum
CREATE TYPE "ThemeEventKind" AS ENUM ('CREATE', 'UPDATE', 'TAG', 'UNTAG', 'MERGE', 'SPLIT', 'DELETE', 'PROMOTE');

-- DropIndex
DROP INDEX "annotations_project_id_name_created_at_idx";

-- AlterTable
ALTER TABLE "annotations" ADD COLUMN     "search_vector" tsvector;

-- CreateTable
CREATE TABLE "themes" (
    "id" SERIAL NOT NULL,
    "project_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "themes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "note_themes" (
    "annotation_id" INTEGER NOT NULL,
    "theme_id" INTEGER NOT NULL,
    "tagged_by_id" UUID,
    "tagged_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "note_themes_pkey" PRIMARY KEY ("annotation_id","theme_id")
);

-- CreateTable
CREATE TABLE "theme_events" (
    "id" BIGSERIAL NOT NULL,
    "project_id" INTEGER NOT NULL,
    "theme_id" INTEGER NOT NULL,
    "kind" "ThemeEventKind" NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    "actor_id" UUID,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "theme_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rubric_themes" (
    "rubric_id" INTEGER NOT NULL,
    "theme_id" INTEGER NOT NULL,
    "label" TEXT,

    CONSTRAINT "rubric_themes_pkey" PRIMARY KEY ("rubric_id","theme_id")
);

-- CreateTable
CREATE TABLE "dismissed_note_groups" (
    "id" SERIAL NOT NULL,
    "project_id" INTEGER NOT NULL,
    "note_ids" INTEGER[],
    "dismissed_by_id" UUID,
    "dismissed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dismissed_note_groups_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "themes_project_id_name_key" ON "themes"("project_id", "name");

-- CreateIndex
CREATE INDEX "note_themes_theme_id_annotation_id_idx" ON "note_themes"("theme_id", "annotation_id");

-- CreateIndex
CREATE INDEX "theme_events_theme_id_at_idx" ON "theme_events"("theme_id", "at");

-- CreateIndex
CREATE INDEX "theme_events_project_id_at_idx" ON "theme_events"("project_id", "at");

-- CreateIndex
CREATE INDEX "rubric_themes_theme_id_idx" ON "rubric_themes"("theme_id");

-- CreateIndex
CREATE INDEX "dismissed_note_groups_project_id_idx" ON "dismissed_note_groups"("project_id");

-- CreateIndex
CREATE INDEX "annotations_project_id_name_created_at_id_idx" ON "annotations"("project_id", "name", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "annotations_search_vector_idx" ON "annotations" USING GIN ("search_vector");

-- AddForeignKey
ALTER TABLE "themes" ADD CONSTRAINT "themes_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "themes" ADD CONSTRAINT "themes_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "note_themes" ADD CONSTRAINT "note_themes_annotation_id_fkey" FOREIGN KEY ("annotation_id") REFERENCES "annotations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "note_themes" ADD CONSTRAINT "note_themes_theme_id_fkey" FOREIGN KEY ("theme_id") REFERENCES "themes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "note_themes" ADD CONSTRAINT "note_themes_tagged_by_id_fkey" FOREIGN KEY ("tagged_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "theme_events" ADD CONSTRAINT "theme_events_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "theme_events" ADD CONSTRAINT "theme_events_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rubric_themes" ADD CONSTRAINT "rubric_themes_rubric_id_fkey" FOREIGN KEY ("rubric_id") REFERENCES "rubrics"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rubric_themes" ADD CONSTRAINT "rubric_themes_theme_id_fkey" FOREIGN KEY ("theme_id") REFERENCES "themes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dismissed_note_groups" ADD CONSTRAINT "dismissed_note_groups_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Full-text search of notes: every write path (the app's notes, Phoenix's
-- span_notes/trace_notes/session_notes, annotations named "note") fills it here.
CREATE FUNCTION annotations_note_search() RETURNS trigger AS $$
BEGIN
  NEW.search_vector := CASE WHEN NEW.name = 'note'
    THEN to_tsvector('english', left(coalesce(NEW.explanation, ''), 100000)) END;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER annotations_note_search
  BEFORE INSERT OR UPDATE OF name, explanation ON annotations
  FOR EACH ROW EXECUTE FUNCTION annotations_note_search();

-- Backfill the notes written so far; not a change of any note, so not history.
ALTER TABLE annotations DISABLE TRIGGER annotations_history;
UPDATE annotations SET search_vector = to_tsvector('english', left(coalesce(explanation, ''), 100000))
WHERE name = 'note';
ALTER TABLE annotations ENABLE TRIGGER annotations_history;
