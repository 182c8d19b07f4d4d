-- The rubric and agreement rollups' trigger functions look up each written
-- target or item by its key. PL/pgSQL keeps one plan per statement for the
-- session, made the first time it runs: on a fresh or just bulk-loaded database
-- the rollup tables look empty to the planner then, and it picks sequential
-- scans inside per-row subplans, which a later 20,000-row insert pays as
-- 20,000 × every row (10 s instead of 0.1 s, seen seeding the bench world).
-- With sequential scans off inside these functions every lookup is an index
-- probe whatever the statistics say; the transition tables are read in whole
-- as before (a tuplestore scan is not a sequential scan).
ALTER FUNCTION annotation_rubric_counts_insert() SET enable_seqscan = off;
ALTER FUNCTION annotation_rubric_counts_update() SET enable_seqscan = off;
ALTER FUNCTION annotation_rubric_counts_delete() SET enable_seqscan = off;
ALTER FUNCTION annotation_rubric_add_targets("AnnotationTarget"[], int[]) SET enable_seqscan = off;
ALTER FUNCTION annotation_rubric_refresh("AnnotationTarget", int[]) SET enable_seqscan = off;

-- The agreement refresh reads each touched item's values by the annotations'
-- unique key (target_type, target_id, document_position, name, identifier). With
-- stale statistics (rows = 1 everywhere) the planner may as well pick the
-- (project_id, name, …) index and filter the item out of every value of the
-- rubric, per item: a 12,000-row insert took 32 s that way. "project_id + 0"
-- keeps the project check but out of any index condition, so only the unique
-- key can serve the lookup.
CREATE OR REPLACE FUNCTION agreement_items_refresh(p_keys jsonb) RETURNS void AS $$
BEGIN
  INSERT INTO agreement_items AS i (project_id, target_type, target_id, document_position, name)
  SELECT DISTINCT k.project_id, k.target_type, k.target_id, k.document_position, k.name
  FROM jsonb_to_recordset(p_keys) AS k(project_id int, target_type "AnnotationTarget", target_id int, document_position int, name text)
  WHERE EXISTS (SELECT 1 FROM projects p WHERE p.id = k.project_id)
  ORDER BY 2, 3, 4, 5, 1
  ON CONFLICT (target_type, target_id, document_position, name, project_id) DO UPDATE SET project_id = excluded.project_id WHERE false;

  WITH k AS (
    SELECT DISTINCT k.project_id, k.target_type, k.target_id, k.document_position, k.name
    FROM jsonb_to_recordset(p_keys) AS k(project_id int, target_type "AnnotationTarget", target_id int, document_position int, name text)
    WHERE EXISTS (SELECT 1 FROM projects p WHERE p.id = k.project_id)
  ),
  old AS (SELECT i.* FROM agreement_items i JOIN k ON i.target_type = k.target_type AND i.target_id = k.target_id AND i.document_position = k.document_position
      AND i.name = k.name AND i.project_id = k.project_id),
  fresh AS (
    SELECT k.project_id, k.target_type, k.target_id, k.document_position, k.name,
      coalesce(array_agg(a.who ORDER BY a.identifier COLLATE "C") FILTER (WHERE a.label IS NOT NULL AND a.reviewer), '{}') AS label_who,
      coalesce(array_agg(a.label ORDER BY a.identifier COLLATE "C") FILTER (WHERE a.label IS NOT NULL AND a.reviewer), '{}') AS labels,
      count(a.label) FILTER (WHERE a.reviewer)::int AS label_m,
      coalesce(min(a.label COLLATE "C") FILTER (WHERE a.reviewer) <> max(a.label COLLATE "C") FILTER (WHERE a.reviewer), false) AS label_differ,
      coalesce(array_agg(a.who ORDER BY a.identifier COLLATE "C") FILTER (WHERE a.score IS NOT NULL AND a.reviewer), '{}') AS score_who,
      coalesce(array_agg(a.score ORDER BY a.identifier COLLATE "C") FILTER (WHERE a.score IS NOT NULL AND a.reviewer), '{}') AS scores,
      count(a.score) FILTER (WHERE a.reviewer)::int AS score_m,
      max(a.score) FILTER (WHERE a.reviewer) - min(a.score) FILTER (WHERE a.reviewer) AS score_spread,
      avg(a.score ORDER BY a.identifier COLLATE "C") FILTER (WHERE a.reviewer) AS score_mean,
      coalesce(var_samp(a.score ORDER BY a.identifier COLLATE "C") FILTER (WHERE a.reviewer), 0) AS score_var,
      count(DISTINCT a.label) FILTER (WHERE a.human)::int AS human_labels,
      min(a.score) FILTER (WHERE a.human) AS human_min,
      max(a.score) FILTER (WHERE a.human) AS human_max,
      max(a.updated_at) FILTER (WHERE a.human) AS human_last_at,
      coalesce(bool_or(NOT a.reviewer), false) AS adjudicated,
      coalesce(bool_or(a.reviewer AND (a.label IS NOT NULL OR a.score IS NOT NULL)), false) AS valued
    FROM k LEFT JOIN LATERAL (
      SELECT a.identifier, a.label, a.score, a.updated_at,
        a.identifier || '|' || coalesce(a.user_id::text, '') || '|' || a.annotator_kind::text AS who,
        a.identifier <> 'adjudicated' AS reviewer,
        a.annotator_kind = 'HUMAN' AND a.identifier <> 'adjudicated' AS human
      FROM annotations a
      WHERE a.target_type = k.target_type AND a.target_id = k.target_id AND a.document_position = k.document_position
      AND a.name = k.name AND a.project_id + 0 = k.project_id
    ) a ON true
    GROUP BY k.project_id, k.target_type, k.target_id, k.document_position, k.name
  ),
  changed AS (
    UPDATE agreement_items i SET (label_who, labels, label_m, label_differ, score_who, scores, score_m, score_spread, score_mean, score_var, human_labels, human_min, human_max, human_last_at, adjudicated) = (f.label_who, f.labels, f.label_m, f.label_differ, f.score_who, f.scores, f.score_m, f.score_spread, f.score_mean, f.score_var, f.human_labels, f.human_min, f.human_max, f.human_last_at, f.adjudicated)
    FROM fresh f
    WHERE f.valued AND i.target_type = f.target_type AND i.target_id = f.target_id AND i.document_position = f.document_position
      AND i.name = f.name AND i.project_id = f.project_id
  ),
  gone AS (
    DELETE FROM agreement_items i USING fresh f
    WHERE NOT f.valued AND i.target_type = f.target_type AND i.target_id = f.target_id AND i.document_position = f.document_position
      AND i.name = f.name AND i.project_id = f.project_id
  ),
  delta AS (
    SELECT project_id, name, false AS scored, label_who AS who, labels, NULL::float8[] AS scores, -1 AS n FROM old WHERE label_m > 0
    UNION ALL SELECT project_id, name, true, score_who, NULL, scores, -1 FROM old WHERE score_m > 0
    UNION ALL SELECT project_id, name, false, label_who, labels, NULL, 1 FROM fresh WHERE valued AND label_m > 0
    UNION ALL SELECT project_id, name, true, score_who, NULL, scores, 1 FROM fresh WHERE valued AND score_m > 0
  )
  INSERT INTO agreement_pattern_counts (project_id, name, scored, who, labels, scores, n)
  SELECT project_id, name, scored, who, labels, scores, sum(n)::int
  FROM delta GROUP BY project_id, name, scored, who, labels, scores HAVING sum(n) <> 0;
END;
$$ LANGUAGE plpgsql SET enable_seqscan = off;
