-- The rubric and satisfaction dashboards (lib/dashboards/rubric-analytics.ts,
-- satisfaction.ts), rolled up. Their figures are keyed by the TARGET's
-- attributes (the UTC day of its start, its span kind or its trace's root span
-- kind, its trace's root span name), which live on traces / spans / sessions and
-- which ingest may change after the values were written (a late root span).
--
-- annotation_rubric_targets: those attributes, per annotated target (documents
-- share their span's row), copied from the target when its first value arrives
-- and kept in step by row triggers on the target tables. It outlives a deleted
-- target until that target's values are gone: annotations are cascade-deleted
-- after the target row, and their trigger still needs the key they were counted
-- under.
CREATE TABLE "annotation_rubric_targets" (
    "target_type" "AnnotationTarget" NOT NULL,
    "target_id" INTEGER NOT NULL,
    "project_id" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "span_kind" "SpanKind",
    "root_name" TEXT,

    CONSTRAINT "annotation_rubric_targets_pkey" PRIMARY KEY ("target_type","target_id")
);
ALTER TABLE "annotation_rubric_targets" ADD CONSTRAINT "annotation_rubric_targets_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- annotation_rubric_counts: counted values (as countedAnnotations counts: no
-- notes, no adjudicated value) per project, rubric, target kind, target day,
-- annotator kind, span kind, root span name, label and exact score. Append-only
-- like annotation_daily_counts: each write statement appends its net change per
-- key (n may be negative), so concurrent writers never wait on a row; readers
-- sum per key and merge now and then (lib/dashboards/rubric-rollup.ts).
-- in_project: the target is in the value's project (the satisfaction section
-- counts only those; the rubric section counts every value of the project).
CREATE TABLE "annotation_rubric_counts" (
    "id" BIGSERIAL NOT NULL,
    "project_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "target_type" "AnnotationTarget" NOT NULL,
    "day" DATE NOT NULL,
    "annotator_kind" "AnnotatorKind" NOT NULL,
    "span_kind" "SpanKind",
    "root_name" TEXT,
    "in_project" BOOLEAN NOT NULL,
    "label" TEXT,
    "score" DOUBLE PRECISION,
    "n" INTEGER NOT NULL,
    "merged" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "annotation_rubric_counts_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "annotation_rubric_counts_project_id_name_idx" ON "annotation_rubric_counts"("project_id", "name");
CREATE INDEX "annotation_rubric_counts_project_id_merged_idx" ON "annotation_rubric_counts"("project_id", "merged");
ALTER TABLE "annotation_rubric_counts" ADD CONSTRAINT "annotation_rubric_counts_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A document's value is keyed on its span.
CREATE FUNCTION annotation_rubric_target(t "AnnotationTarget") RETURNS "AnnotationTarget" AS $$
  SELECT CASE WHEN t = 'DOCUMENT' THEN 'SPAN'::"AnnotationTarget" ELSE t END
$$ LANGUAGE sql IMMUTABLE;

-- The attributes of targets of one kind (TRACE, SPAN or SESSION), as the live dashboards read them.
CREATE FUNCTION annotation_rubric_target_attrs(p_type "AnnotationTarget", p_ids int[])
RETURNS TABLE (target_id int, project_id int, day date, span_kind "SpanKind", root_name text) AS $$
  SELECT t.id, t.project_id, (t.start_time AT TIME ZONE 'UTC')::date, t.root_span_kind, t.root_span_name
  FROM traces t WHERE p_type = 'TRACE' AND t.id = ANY(p_ids)
  UNION ALL
  SELECT sp.id, sp.project_id, (sp.start_time AT TIME ZONE 'UTC')::date, sp.span_kind, t.root_span_name
  FROM spans sp JOIN traces t ON t.id = sp.trace_row_id WHERE p_type = 'SPAN' AND sp.id = ANY(p_ids)
  UNION ALL
  SELECT s.id, s.project_id, (s.start_time AT TIME ZONE 'UTC')::date, NULL::"SpanKind", NULL::text
  FROM sessions s WHERE p_type = 'SESSION' AND s.id = ANY(p_ids)
$$ LANGUAGE sql STABLE;

-- Copies the attributes of targets not seen before. Their rows are locked first
-- (FOR SHARE): a concurrent ingest changing one waits for this write to commit
-- (its trigger then finds the copy and moves it), or this write waits for the
-- ingest and copies what it left.
CREATE FUNCTION annotation_rubric_add_targets(p_types "AnnotationTarget"[], p_ids int[]) RETURNS void AS $$
BEGIN
  PERFORM 1 FROM traces t WHERE t.id = ANY(ARRAY(SELECT k.id FROM unnest(p_types, p_ids) k(type, id) WHERE k.type = 'TRACE'))
    ORDER BY t.id FOR SHARE;
  PERFORM 1 FROM spans sp JOIN traces t ON t.id = sp.trace_row_id
    WHERE sp.id = ANY(ARRAY(SELECT k.id FROM unnest(p_types, p_ids) k(type, id) WHERE k.type = 'SPAN'))
    ORDER BY sp.id FOR SHARE OF sp, t;
  PERFORM 1 FROM sessions s WHERE s.id = ANY(ARRAY(SELECT k.id FROM unnest(p_types, p_ids) k(type, id) WHERE k.type = 'SESSION'))
    ORDER BY s.id FOR SHARE;
  INSERT INTO annotation_rubric_targets (target_type, target_id, project_id, day, span_kind, root_name)
  SELECT k.type, v.target_id, v.project_id, v.day, v.span_kind, v.root_name
  FROM (SELECT type, array_agg(DISTINCT id) AS ids FROM unnest(p_types, p_ids) k(type, id) GROUP BY type) k
  CROSS JOIN LATERAL annotation_rubric_target_attrs(k.type, k.ids) v
  ORDER BY 1, 2
  ON CONFLICT DO NOTHING;
END;
$$ LANGUAGE plpgsql;

-- Statement triggers on annotations (transition tables): one grouped INSERT per
-- write statement. The targets' copies are read FOR SHARE, so a concurrent
-- change of a target's attributes (annotation_rubric_refresh, which locks them
-- FOR UPDATE) either waits for this write and then moves its values too, or
-- went first and this write reads the new attributes. Projects being deleted
-- are skipped (their rows go with them).
--
-- Plans: a trigger's statements are planned once per session and reused for
-- every statement size, so each lookup of a copy is a per-row index probe
-- whatever the planner thinks of the transition table's size (a LATERAL
-- subquery or EXISTS with OFFSET 0 is not flattened into a join). Flattened, a
-- plan made for a single-row write rescanned the batch per row of a 1,000-row
-- insert (seconds), and one made for a batch would scan every copy per single write.
CREATE FUNCTION annotation_rubric_counts_insert() RETURNS trigger AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM new_rows a WHERE a.name <> 'note' AND a.identifier <> 'adjudicated'
      AND NOT EXISTS (SELECT 1 FROM annotation_rubric_targets x
        WHERE x.target_type = annotation_rubric_target(a.target_type) AND x.target_id = a.target_id OFFSET 0)) THEN
    PERFORM annotation_rubric_add_targets(
      ARRAY(SELECT annotation_rubric_target(a.target_type) FROM new_rows a WHERE a.name <> 'note' AND a.identifier <> 'adjudicated' ORDER BY a.id),
      ARRAY(SELECT a.target_id FROM new_rows a WHERE a.name <> 'note' AND a.identifier <> 'adjudicated' ORDER BY a.id));
  END IF;
  INSERT INTO annotation_rubric_counts (project_id, name, target_type, day, annotator_kind, span_kind, root_name, in_project, label, score, n)
  SELECT a.project_id, a.name, x.target_type, x.day, a.annotator_kind, x.span_kind, x.root_name, x.project_id = a.project_id,
    a.label, a.score, count(*)::int
  FROM new_rows a
  CROSS JOIN LATERAL (SELECT x.target_type, x.day, x.span_kind, x.root_name, x.project_id FROM annotation_rubric_targets x
    WHERE x.target_type = annotation_rubric_target(a.target_type) AND x.target_id = a.target_id FOR SHARE) x
  WHERE a.name <> 'note' AND a.identifier <> 'adjudicated' AND EXISTS (SELECT 1 FROM projects p WHERE p.id = a.project_id)
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- Most updates (an upsert that overwrites a value with the same label and score)
-- change no key: the net change is found first, on the annotations' own columns,
-- and the targets are read only when there is one.
CREATE FUNCTION annotation_rubric_counts_update() RETURNS trigger AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM (
      SELECT a.project_id, a.name, annotation_rubric_target(a.target_type) AS target_type, a.target_id, a.annotator_kind, a.label, a.score, 1 AS n
      FROM new_rows a WHERE a.name <> 'note' AND a.identifier <> 'adjudicated'
      UNION ALL
      SELECT a.project_id, a.name, annotation_rubric_target(a.target_type), a.target_id, a.annotator_kind, a.label, a.score, -1
      FROM old_rows a WHERE a.name <> 'note' AND a.identifier <> 'adjudicated') d
    GROUP BY d.project_id, d.name, d.target_type, d.target_id, d.annotator_kind, d.label, d.score
    HAVING sum(d.n) <> 0) THEN
    RETURN NULL;
  END IF;
  IF EXISTS (SELECT 1 FROM new_rows a WHERE a.name <> 'note' AND a.identifier <> 'adjudicated'
      AND NOT EXISTS (SELECT 1 FROM annotation_rubric_targets x
        WHERE x.target_type = annotation_rubric_target(a.target_type) AND x.target_id = a.target_id OFFSET 0)) THEN
    PERFORM annotation_rubric_add_targets(
      ARRAY(SELECT annotation_rubric_target(a.target_type) FROM new_rows a WHERE a.name <> 'note' AND a.identifier <> 'adjudicated' ORDER BY a.id),
      ARRAY(SELECT a.target_id FROM new_rows a WHERE a.name <> 'note' AND a.identifier <> 'adjudicated' ORDER BY a.id));
  END IF;
  INSERT INTO annotation_rubric_counts (project_id, name, target_type, day, annotator_kind, span_kind, root_name, in_project, label, score, n)
  SELECT d.project_id, d.name, x.target_type, x.day, d.annotator_kind, x.span_kind, x.root_name, x.project_id = d.project_id,
    d.label, d.score, sum(d.n)::int
  FROM (
    SELECT a.project_id, a.name, annotation_rubric_target(a.target_type) AS target_type, a.target_id, a.annotator_kind, a.label, a.score, 1 AS n
    FROM new_rows a WHERE a.name <> 'note' AND a.identifier <> 'adjudicated'
    UNION ALL
    SELECT a.project_id, a.name, annotation_rubric_target(a.target_type), a.target_id, a.annotator_kind, a.label, a.score, -1
    FROM old_rows a WHERE a.name <> 'note' AND a.identifier <> 'adjudicated'
  ) d
  CROSS JOIN LATERAL (SELECT x.target_type, x.day, x.span_kind, x.root_name, x.project_id FROM annotation_rubric_targets x
    WHERE x.target_type = d.target_type AND x.target_id = d.target_id FOR SHARE) x
  WHERE EXISTS (SELECT 1 FROM projects p WHERE p.id = d.project_id)
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
  HAVING sum(d.n) <> 0;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- A delete subtracts under the copy (the target may be gone already), then drops
-- the copies of targets that no longer exist (a project being deleted takes its
-- copies along: nothing to look up).
CREATE FUNCTION annotation_rubric_counts_delete() RETURNS trigger AS $$
BEGIN
  INSERT INTO annotation_rubric_counts (project_id, name, target_type, day, annotator_kind, span_kind, root_name, in_project, label, score, n)
  SELECT a.project_id, a.name, x.target_type, x.day, a.annotator_kind, x.span_kind, x.root_name, x.project_id = a.project_id,
    a.label, a.score, -count(*)::int
  FROM old_rows a
  CROSS JOIN LATERAL (SELECT x.target_type, x.day, x.span_kind, x.root_name, x.project_id FROM annotation_rubric_targets x
    WHERE x.target_type = annotation_rubric_target(a.target_type) AND x.target_id = a.target_id FOR SHARE) x
  WHERE a.name <> 'note' AND a.identifier <> 'adjudicated' AND EXISTS (SELECT 1 FROM projects p WHERE p.id = a.project_id)
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10;
  DELETE FROM annotation_rubric_targets
  WHERE ctid = ANY(ARRAY(
    SELECT x.ctid FROM (SELECT DISTINCT annotation_rubric_target(a.target_type) AS target_type, a.target_id FROM old_rows a) k
    CROSS JOIN LATERAL (SELECT x.ctid FROM annotation_rubric_targets x
      WHERE x.target_type = k.target_type AND x.target_id = k.target_id
        AND EXISTS (SELECT 1 FROM projects p WHERE p.id = x.project_id)
        AND NOT EXISTS (SELECT 1 FROM annotation_rubric_target_attrs(k.target_type, ARRAY[k.target_id]))
      OFFSET 0) x));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER annotation_rubric_counts_insert AFTER INSERT ON annotations
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION annotation_rubric_counts_insert();
CREATE TRIGGER annotation_rubric_counts_update AFTER UPDATE ON annotations
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION annotation_rubric_counts_update();
CREATE TRIGGER annotation_rubric_counts_delete AFTER DELETE ON annotations
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION annotation_rubric_counts_delete();

-- A target's attributes changed (ingest: a late root span, an earlier span or
-- trace): moves its values from the old key to the new one. The copies are
-- locked first (FOR UPDATE), which waits for annotation writers holding them;
-- the move is a later statement, so its snapshot counts what they wrote.
CREATE FUNCTION annotation_rubric_refresh(p_type "AnnotationTarget", p_ids int[]) RETURNS void AS $$
BEGIN
  PERFORM 1 FROM annotation_rubric_targets x WHERE x.target_type = p_type AND x.target_id = ANY(p_ids) ORDER BY x.target_id FOR UPDATE;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  WITH changed AS (
    SELECT x.target_type, x.target_id, x.project_id, x.day, x.span_kind, x.root_name,
      v.day AS new_day, v.span_kind AS new_kind, v.root_name AS new_name
    FROM annotation_rubric_targets x JOIN annotation_rubric_target_attrs(p_type, p_ids) v ON v.target_id = x.target_id
    WHERE x.target_type = p_type AND x.target_id = ANY(p_ids)
      AND (x.day, x.span_kind, x.root_name) IS DISTINCT FROM (v.day, v.span_kind, v.root_name)
  ), moved AS (
    UPDATE annotation_rubric_targets x SET day = c.new_day, span_kind = c.new_kind, root_name = c.new_name
    FROM changed c WHERE x.target_type = c.target_type AND x.target_id = c.target_id
  )
  INSERT INTO annotation_rubric_counts (project_id, name, target_type, day, annotator_kind, span_kind, root_name, in_project, label, score, n)
  SELECT a.project_id, a.name, c.target_type, d.day, a.annotator_kind, d.span_kind, d.root_name, c.project_id = a.project_id,
    a.label, a.score, sum(d.n)::int
  FROM changed c
  CROSS JOIN LATERAL (SELECT a.* FROM annotations a WHERE a.target_id = c.target_id
    AND a.target_type = ANY(CASE WHEN c.target_type = 'SPAN' THEN ARRAY['SPAN', 'DOCUMENT']::"AnnotationTarget"[] ELSE ARRAY[c.target_type] END)
    OFFSET 0) a
  CROSS JOIN LATERAL (VALUES (c.day, c.span_kind, c.root_name, -1), (c.new_day, c.new_kind, c.new_name, 1)) d(day, span_kind, root_name, n)
  WHERE a.name <> 'note' AND a.identifier <> 'adjudicated' AND EXISTS (SELECT 1 FROM projects p WHERE p.id = a.project_id)
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
  HAVING sum(d.n) <> 0;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION annotation_rubric_trace_changed() RETURNS trigger AS $$
BEGIN
  PERFORM annotation_rubric_refresh('TRACE', ARRAY[NEW.id]);
  -- A span's key carries its trace's root span name.
  IF OLD.root_span_name IS DISTINCT FROM NEW.root_span_name THEN
    PERFORM annotation_rubric_refresh('SPAN', ARRAY(SELECT sp.id FROM spans sp WHERE sp.trace_row_id = NEW.id));
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION annotation_rubric_target_changed() RETURNS trigger AS $$
BEGIN
  PERFORM annotation_rubric_refresh(TG_ARGV[0]::"AnnotationTarget", ARRAY[NEW.id]);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- Row triggers whose WHEN is checked without calling a function: ingest's many
-- summary updates that change none of these columns cost nothing more.
CREATE TRIGGER annotation_rubric_trace AFTER UPDATE OF start_time, root_span_kind, root_span_name ON traces
  FOR EACH ROW WHEN (OLD.start_time IS DISTINCT FROM NEW.start_time OR OLD.root_span_kind IS DISTINCT FROM NEW.root_span_kind
    OR OLD.root_span_name IS DISTINCT FROM NEW.root_span_name)
  EXECUTE FUNCTION annotation_rubric_trace_changed();
CREATE TRIGGER annotation_rubric_span AFTER UPDATE OF start_time, span_kind ON spans
  FOR EACH ROW WHEN (OLD.start_time IS DISTINCT FROM NEW.start_time OR OLD.span_kind IS DISTINCT FROM NEW.span_kind)
  EXECUTE FUNCTION annotation_rubric_target_changed('SPAN');
CREATE TRIGGER annotation_rubric_session AFTER UPDATE OF start_time ON sessions
  FOR EACH ROW WHEN (OLD.start_time IS DISTINCT FROM NEW.start_time)
  EXECUTE FUNCTION annotation_rubric_target_changed('SESSION');

-- What is there already: the copies of every target with a counted value, then the counts.
INSERT INTO annotation_rubric_targets (target_type, target_id, project_id, day, span_kind, root_name)
SELECT 'TRACE', t.id, t.project_id, (t.start_time AT TIME ZONE 'UTC')::date, t.root_span_kind, t.root_span_name
FROM (SELECT DISTINCT a.target_id FROM annotations a
  WHERE a.target_type = 'TRACE' AND a.name <> 'note' AND a.identifier <> 'adjudicated') k
JOIN traces t ON t.id = k.target_id;
INSERT INTO annotation_rubric_targets (target_type, target_id, project_id, day, span_kind, root_name)
SELECT 'SPAN', sp.id, sp.project_id, (sp.start_time AT TIME ZONE 'UTC')::date, sp.span_kind, t.root_span_name
FROM (SELECT DISTINCT a.target_id FROM annotations a
  WHERE a.target_type IN ('SPAN', 'DOCUMENT') AND a.name <> 'note' AND a.identifier <> 'adjudicated') k
JOIN spans sp ON sp.id = k.target_id JOIN traces t ON t.id = sp.trace_row_id;
INSERT INTO annotation_rubric_targets (target_type, target_id, project_id, day, span_kind, root_name)
SELECT 'SESSION', s.id, s.project_id, (s.start_time AT TIME ZONE 'UTC')::date, NULL, NULL
FROM (SELECT DISTINCT a.target_id FROM annotations a
  WHERE a.target_type = 'SESSION' AND a.name <> 'note' AND a.identifier <> 'adjudicated') k
JOIN sessions s ON s.id = k.target_id;

INSERT INTO annotation_rubric_counts (project_id, name, target_type, day, annotator_kind, span_kind, root_name, in_project, label, score, n, merged)
SELECT a.project_id, a.name, x.target_type, x.day, a.annotator_kind, x.span_kind, x.root_name, x.project_id = a.project_id,
  a.label, a.score, count(*)::int, true
FROM annotations a
JOIN annotation_rubric_targets x ON x.target_type = annotation_rubric_target(a.target_type) AND x.target_id = a.target_id
WHERE a.name <> 'note' AND a.identifier <> 'adjudicated'
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10;

ANALYZE annotation_rubric_targets;
ANALYZE annotation_rubric_counts;
