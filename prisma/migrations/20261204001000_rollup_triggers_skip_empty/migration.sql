-- An INSERT … ON CONFLICT DO UPDATE statement fires the AFTER UPDATE statement
-- triggers as well as the AFTER INSERT ones, even when it updated nothing: every
-- annotation write that creates its row ran the update rollups on empty
-- transition tables (a grouped UNION ALL, an upsert and a delete, ~70 µs of a
-- ~370 µs single write, issue 12). Those functions now return at once when the
-- statement updated no row; with rows they do exactly what they did.

CREATE OR REPLACE FUNCTION annotation_daily_counts_apply() RETURNS trigger AS $$
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
    -- The upsert that inserted: nothing updated, nothing to add.
    IF NOT EXISTS (SELECT 1 FROM new_rows) THEN
      RETURN NULL;
    END IF;
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

CREATE OR REPLACE FUNCTION annotation_target_counts_update() RETURNS trigger AS $$
BEGIN
  -- The upsert that inserted: nothing updated, nothing to move.
  IF NOT EXISTS (SELECT 1 FROM old_rows) THEN
    RETURN NULL;
  END IF;
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
