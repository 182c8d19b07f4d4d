-- CreateTable
CREATE TABLE "annotation_daily_counts" (
    "id" BIGSERIAL NOT NULL,
    "project_id" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "annotator_kind" "AnnotatorKind" NOT NULL,
    "user_id" UUID,
    "identifier" TEXT NOT NULL,
    "n" INTEGER NOT NULL,
    "merged" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "annotation_daily_counts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "annotation_daily_counts_project_id_day_idx" ON "annotation_daily_counts"("project_id", "day");

-- CreateIndex
CREATE INDEX "annotation_daily_counts_project_id_merged_idx" ON "annotation_daily_counts"("project_id", "merged");

-- AddForeignKey
ALTER TABLE "annotation_daily_counts" ADD CONSTRAINT "annotation_daily_counts_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The rollup is kept by statement-level triggers with transition tables: one
-- INSERT … SELECT … GROUP BY per write statement, whatever its size (a 1,000-row
-- batch costs one grouped insert, not 1,000). Each appends the statement's net
-- change per key and skips keys whose net change is 0 (an overwrite that keeps
-- the day and annotator, the common upsert, adds nothing). Append-only, so
-- concurrent writers on one key (32 clients writing as one API key) never wait on
-- a row lock. Projects being deleted are skipped (their rows go with the project).
-- Counted as the dashboards count (countedAnnotations): not notes ('note'), not
-- the lead's final value (identifier 'adjudicated').
CREATE FUNCTION annotation_daily_counts_apply() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO annotation_daily_counts (project_id, day, annotator_kind, user_id, identifier, n)
    SELECT a.project_id, (a.created_at AT TIME ZONE 'UTC')::date, a.annotator_kind, a.user_id,
      CASE WHEN a.user_id IS NULL THEN a.identifier ELSE '' END, count(*)::int
    FROM new_rows a
    WHERE a.name <> 'note' AND a.identifier <> 'adjudicated'
      AND EXISTS (SELECT 1 FROM projects p WHERE p.id = a.project_id)
    GROUP BY 1, 2, 3, 4, 5;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO annotation_daily_counts (project_id, day, annotator_kind, user_id, identifier, n)
    SELECT a.project_id, (a.created_at AT TIME ZONE 'UTC')::date, a.annotator_kind, a.user_id,
      CASE WHEN a.user_id IS NULL THEN a.identifier ELSE '' END, -count(*)::int
    FROM old_rows a
    WHERE a.name <> 'note' AND a.identifier <> 'adjudicated'
      AND EXISTS (SELECT 1 FROM projects p WHERE p.id = a.project_id)
    GROUP BY 1, 2, 3, 4, 5;
  ELSE
    INSERT INTO annotation_daily_counts (project_id, day, annotator_kind, user_id, identifier, n)
    SELECT d.project_id, d.day, d.annotator_kind, d.user_id, d.identifier, sum(d.n)::int
    FROM (
      SELECT a.project_id, (a.created_at AT TIME ZONE 'UTC')::date AS day, a.annotator_kind, a.user_id,
        CASE WHEN a.user_id IS NULL THEN a.identifier ELSE '' END AS identifier, 1 AS n
      FROM new_rows a WHERE a.name <> 'note' AND a.identifier <> 'adjudicated'
      UNION ALL
      SELECT a.project_id, (a.created_at AT TIME ZONE 'UTC')::date, a.annotator_kind, a.user_id,
        CASE WHEN a.user_id IS NULL THEN a.identifier ELSE '' END, -1
      FROM old_rows a WHERE a.name <> 'note' AND a.identifier <> 'adjudicated'
    ) d
    WHERE EXISTS (SELECT 1 FROM projects p WHERE p.id = d.project_id)
    GROUP BY 1, 2, 3, 4, 5
    HAVING sum(d.n) <> 0;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER annotation_daily_counts_insert AFTER INSERT ON annotations
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION annotation_daily_counts_apply();
CREATE TRIGGER annotation_daily_counts_update AFTER UPDATE ON annotations
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION annotation_daily_counts_apply();
CREATE TRIGGER annotation_daily_counts_delete AFTER DELETE ON annotations
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION annotation_daily_counts_apply();

-- What is there already.
INSERT INTO annotation_daily_counts (project_id, day, annotator_kind, user_id, identifier, n, merged)
SELECT a.project_id, (a.created_at AT TIME ZONE 'UTC')::date, a.annotator_kind, a.user_id,
  CASE WHEN a.user_id IS NULL THEN a.identifier ELSE '' END, count(*)::int, true
FROM annotations a
WHERE a.name <> 'note' AND a.identifier <> 'adjudicated'
GROUP BY 1, 2, 3, 4, 5;
