-- CreateTable
CREATE TABLE "annotation_target_counts" (
    "project_id" INTEGER NOT NULL,
    "target_type" "AnnotationTarget" NOT NULL,
    "target_id" INTEGER NOT NULL,
    "annotator_kind" "AnnotatorKind" NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "annotation_target_counts_pkey" PRIMARY KEY ("target_type","target_id","annotator_kind")
);

-- CreateIndex
CREATE INDEX "annotation_target_counts_project_id_target_type_annotator_k_idx" ON "annotation_target_counts"("project_id", "target_type", "annotator_kind", "target_id");

-- AddForeignKey
ALTER TABLE "annotation_target_counts" ADD CONSTRAINT "annotation_target_counts_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Kept by statement-level triggers with transition tables: per write statement,
-- one grouped upsert of the net change per (target, annotator kind), then the
-- keys it took to 0 are removed (a second statement: one statement cannot delete
-- a row it updated itself). An overwrite that keeps the target and kind (the
-- common upsert of a value) has no net change and writes nothing. Keys in one
-- order, so two statements on the same keys lock them in the same order.
-- Counted as the dashboards count (countedAnnotations): not notes, not the
-- adjudicated value. Projects being deleted are skipped (their rows go with them).
-- A function reads only the transition tables its trigger names: one per event.
CREATE FUNCTION annotation_target_counts_insert() RETURNS trigger AS $$
BEGIN
  INSERT INTO annotation_target_counts AS t (project_id, target_type, target_id, annotator_kind, n)
  SELECT a.project_id, CASE WHEN a.target_type = 'DOCUMENT' THEN 'SPAN'::"AnnotationTarget" ELSE a.target_type END,
    a.target_id, a.annotator_kind, count(*)::int
  FROM new_rows a
  WHERE a.name <> 'note' AND a.identifier <> 'adjudicated' AND EXISTS (SELECT 1 FROM projects p WHERE p.id = a.project_id)
  GROUP BY 1, 2, 3, 4
  ORDER BY 2, 3, 4
  ON CONFLICT (target_type, target_id, annotator_kind) DO UPDATE SET n = t.n + excluded.n;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION annotation_target_counts_update() RETURNS trigger AS $$
BEGIN
  INSERT INTO annotation_target_counts AS t (project_id, target_type, target_id, annotator_kind, n)
  SELECT c.project_id, c.target_type, c.target_id, c.annotator_kind, sum(c.n)::int
  FROM (
    SELECT a.project_id, CASE WHEN a.target_type = 'DOCUMENT' THEN 'SPAN'::"AnnotationTarget" ELSE a.target_type END AS target_type,
      a.target_id, a.annotator_kind, 1 AS n
    FROM new_rows a WHERE a.name <> 'note' AND a.identifier <> 'adjudicated'
    UNION ALL
    SELECT a.project_id, CASE WHEN a.target_type = 'DOCUMENT' THEN 'SPAN'::"AnnotationTarget" ELSE a.target_type END,
      a.target_id, a.annotator_kind, -1
    FROM old_rows a WHERE a.name <> 'note' AND a.identifier <> 'adjudicated'
  ) c
  WHERE EXISTS (SELECT 1 FROM projects p WHERE p.id = c.project_id)
  GROUP BY 1, 2, 3, 4
  HAVING sum(c.n) <> 0
  ORDER BY 2, 3, 4
  ON CONFLICT (target_type, target_id, annotator_kind) DO UPDATE SET n = t.n + excluded.n;
  DELETE FROM annotation_target_counts t
  USING (SELECT DISTINCT CASE WHEN a.target_type = 'DOCUMENT' THEN 'SPAN'::"AnnotationTarget" ELSE a.target_type END AS target_type,
      a.target_id, a.annotator_kind FROM old_rows a) k
  WHERE t.n <= 0 AND t.target_type = k.target_type AND t.target_id = k.target_id AND t.annotator_kind = k.annotator_kind;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION annotation_target_counts_delete() RETURNS trigger AS $$
BEGIN
  UPDATE annotation_target_counts t SET n = t.n - d.n
  FROM (
    SELECT CASE WHEN a.target_type = 'DOCUMENT' THEN 'SPAN'::"AnnotationTarget" ELSE a.target_type END AS target_type,
      a.target_id, a.annotator_kind, count(*)::int AS n
    FROM old_rows a
    WHERE a.name <> 'note' AND a.identifier <> 'adjudicated'
    GROUP BY 1, 2, 3
  ) d
  WHERE t.target_type = d.target_type AND t.target_id = d.target_id AND t.annotator_kind = d.annotator_kind;
  DELETE FROM annotation_target_counts t
  USING (SELECT DISTINCT CASE WHEN a.target_type = 'DOCUMENT' THEN 'SPAN'::"AnnotationTarget" ELSE a.target_type END AS target_type,
      a.target_id, a.annotator_kind FROM old_rows a) k
  WHERE t.n <= 0 AND t.target_type = k.target_type AND t.target_id = k.target_id AND t.annotator_kind = k.annotator_kind;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER annotation_target_counts_insert AFTER INSERT ON annotations
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION annotation_target_counts_insert();
CREATE TRIGGER annotation_target_counts_update AFTER UPDATE ON annotations
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION annotation_target_counts_update();
CREATE TRIGGER annotation_target_counts_delete AFTER DELETE ON annotations
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION annotation_target_counts_delete();

-- What is there already.
INSERT INTO annotation_target_counts (project_id, target_type, target_id, annotator_kind, n)
SELECT a.project_id, CASE WHEN a.target_type = 'DOCUMENT' THEN 'SPAN'::"AnnotationTarget" ELSE a.target_type END,
  a.target_id, a.annotator_kind, count(*)::int
FROM annotations a
WHERE a.name <> 'note' AND a.identifier <> 'adjudicated'
GROUP BY 1, 2, 3, 4;
