-- CreateTable
CREATE TABLE "agreement_items" (
    "project_id" INTEGER NOT NULL,
    "target_type" "AnnotationTarget" NOT NULL,
    "target_id" INTEGER NOT NULL,
    "document_position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "label_who" TEXT[] NOT NULL DEFAULT '{}',
    "labels" TEXT[] NOT NULL DEFAULT '{}',
    "label_m" INTEGER NOT NULL DEFAULT 0,
    "label_differ" BOOLEAN NOT NULL DEFAULT false,
    "score_who" TEXT[] NOT NULL DEFAULT '{}',
    "scores" DOUBLE PRECISION[] NOT NULL DEFAULT '{}',
    "score_m" INTEGER NOT NULL DEFAULT 0,
    "score_spread" DOUBLE PRECISION,
    "score_mean" DOUBLE PRECISION,
    "score_var" DOUBLE PRECISION,
    "human_labels" INTEGER NOT NULL DEFAULT 0,
    "human_min" DOUBLE PRECISION,
    "human_max" DOUBLE PRECISION,
    "human_last_at" TIMESTAMPTZ(3),
    "adjudicated" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "agreement_items_pkey" PRIMARY KEY ("target_type","target_id","document_position","name","project_id")
);

-- The agreement section's disagreements, widest first (lib/agreement/agreement-sql.ts):
-- categorical, items whose labels differ, the most values first; continuous, the
-- widest spread of scores first (the threshold is never below 0). Partial: most
-- items agree, and a write on them touches neither index.
CREATE INDEX "agreement_items_label_top_idx" ON "agreement_items"("project_id", "name", "label_m" DESC, "target_id" DESC, "document_position", "target_type")
  WHERE "label_differ";
CREATE INDEX "agreement_items_score_top_idx" ON "agreement_items"("project_id", "name", "score_spread" DESC NULLS LAST, "score_m" DESC, "target_id" DESC, "document_position", "target_type")
  WHERE "score_spread" > 0;

-- The adjudication chooser and lists (lib/adjudication/disagreement-sql.ts): keys
-- where reviewers disagree and no final value is recorded yet, two labels
-- (categorical rubrics) or two scores (continuous, by spread), read by
-- index-only scans (few keys disagree; most writes touch neither index).
CREATE INDEX "agreement_items_open_labels_idx" ON "agreement_items"("project_id", "name")
  INCLUDE ("target_type", "target_id", "document_position", "human_last_at")
  WHERE NOT "adjudicated" AND "human_labels" > 1;
CREATE INDEX "agreement_items_open_scores_idx" ON "agreement_items"("project_id", "name", ("human_max" - "human_min"))
  INCLUDE ("target_type", "target_id", "document_position", "human_last_at", "human_max", "human_min")
  WHERE NOT "adjudicated" AND "human_max" > "human_min";

-- Index-only scans want the pages marked all-visible: vacuumed after fewer changes than the default 20%.
ALTER TABLE "agreement_items" SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_insert_scale_factor = 0.02);

-- AddForeignKey
ALTER TABLE "agreement_items" ADD CONSTRAINT "agreement_items_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Agreement patterns (lib/agreement/agreement-sql.ts): how many items of a rubric
-- have exactly these annotators (identifier|user|kind, in identifier order) with
-- these labels (scored = false) or scores (scored = true). A few rows per rubric
-- (the bench world's busiest has 19 label patterns): kappa's contingency counts
-- and alpha come from them. Append-only, as annotation_daily_counts: each write
-- statement appends its net change per pattern (−1 for an item's old pattern, +1
-- for its new one; nothing when an item keeps its pattern), so concurrent writers
-- never wait on a pattern row. Readers sum n per pattern; rows are merged
-- (merged = true) now and then (lib/agreement/agreement-rollup.ts).
CREATE TABLE "agreement_pattern_counts" (
    "id" BIGSERIAL NOT NULL,
    "project_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "scored" BOOLEAN NOT NULL,
    "who" TEXT[] NOT NULL,
    "labels" TEXT[],
    "scores" DOUBLE PRECISION[],
    "n" INTEGER NOT NULL,
    "merged" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "agreement_pattern_counts_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "agreement_pattern_counts_project_id_name_scored_idx" ON "agreement_pattern_counts"("project_id", "name", "scored");
CREATE INDEX "agreement_pattern_counts_project_id_merged_idx" ON "agreement_pattern_counts"("project_id", "merged");

ALTER TABLE "agreement_pattern_counts" ADD CONSTRAINT "agreement_pattern_counts_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- agreement_items: one row per item (project, target, document position, rubric
-- name) with a label or score other than the adjudicated one, as the agreement
-- statement groups it: the annotators and their labels, and their scores, in
-- identifier order ("C"), with the per-item figures the disagreements list takes;
-- and what the adjudication page asks of the reviewers' (HUMAN, not adjudicated)
-- rows: distinct labels, score range, latest change, whether a final value is
-- recorded.
--
-- Kept by statement-level triggers: each write statement recomputes the items it
-- touched from their annotations (a few rows each, by the unique key's index; a
-- key left without values is deleted) and
-- appends the change of their patterns. The items are locked first (a no-op
-- upsert, keys in one order) and recomputed in the next statement, whose snapshot
-- then holds any write a concurrent statement on the same item committed
-- meanwhile: no lost update. Notes are skipped. Projects being deleted are
-- skipped (their rows go with the project).
CREATE FUNCTION agreement_items_refresh(p_keys jsonb) RETURNS void AS $$
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
      AND a.name = k.name AND a.project_id = k.project_id
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
$$ LANGUAGE plpgsql;

-- A function reads only the transition tables its trigger names: one per event.
CREATE FUNCTION agreement_items_insert() RETURNS trigger AS $$
DECLARE keys jsonb;
BEGIN
  SELECT jsonb_agg(jsonb_build_object('project_id', a.project_id, 'target_type', a.target_type, 'target_id', a.target_id,
      'document_position', a.document_position, 'name', a.name))
    INTO keys FROM new_rows a WHERE a.name <> 'note';
  IF keys IS NOT NULL THEN PERFORM agreement_items_refresh(keys); END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION agreement_items_update() RETURNS trigger AS $$
DECLARE keys jsonb;
BEGIN
  SELECT jsonb_agg(jsonb_build_object('project_id', a.project_id, 'target_type', a.target_type, 'target_id', a.target_id,
      'document_position', a.document_position, 'name', a.name))
    INTO keys FROM (
      SELECT project_id, target_type, target_id, document_position, name FROM new_rows
      UNION SELECT project_id, target_type, target_id, document_position, name FROM old_rows) a
    WHERE a.name <> 'note';
  IF keys IS NOT NULL THEN PERFORM agreement_items_refresh(keys); END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION agreement_items_delete() RETURNS trigger AS $$
DECLARE keys jsonb;
BEGIN
  SELECT jsonb_agg(jsonb_build_object('project_id', a.project_id, 'target_type', a.target_type, 'target_id', a.target_id,
      'document_position', a.document_position, 'name', a.name))
    INTO keys FROM old_rows a WHERE a.name <> 'note';
  IF keys IS NOT NULL THEN PERFORM agreement_items_refresh(keys); END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER agreement_items_insert AFTER INSERT ON annotations
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agreement_items_insert();
CREATE TRIGGER agreement_items_update AFTER UPDATE ON annotations
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agreement_items_update();
CREATE TRIGGER agreement_items_delete AFTER DELETE ON annotations
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION agreement_items_delete();

-- What is there already.
INSERT INTO agreement_items (project_id, target_type, target_id, document_position, name, label_who, labels, label_m, label_differ, score_who, scores, score_m, score_spread, score_mean, score_var, human_labels, human_min, human_max, human_last_at, adjudicated)
SELECT project_id, target_type, target_id, document_position, name, label_who, labels, label_m, label_differ, score_who, scores, score_m, score_spread, score_mean, score_var, human_labels, human_min, human_max, human_last_at, adjudicated
FROM (
  SELECT a.project_id, a.target_type, a.target_id, a.document_position, a.name,
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
  FROM (
    SELECT a.project_id, a.target_type, a.target_id, a.document_position, a.name, a.identifier, a.label, a.score, a.updated_at,
        a.identifier || '|' || coalesce(a.user_id::text, '') || '|' || a.annotator_kind::text AS who,
        a.identifier <> 'adjudicated' AS reviewer,
        a.annotator_kind = 'HUMAN' AND a.identifier <> 'adjudicated' AS human
    FROM annotations a WHERE a.name <> 'note'
  ) a
  GROUP BY a.project_id, a.target_type, a.target_id, a.document_position, a.name
) f
WHERE f.valued;

INSERT INTO agreement_pattern_counts (project_id, name, scored, who, labels, scores, n, merged)
SELECT project_id, name, false, label_who, labels, NULL, count(*)::int, true FROM agreement_items WHERE label_m > 0
GROUP BY project_id, name, label_who, labels;
INSERT INTO agreement_pattern_counts (project_id, name, scored, who, labels, scores, n, merged)
SELECT project_id, name, true, score_who, NULL, scores, count(*)::int, true FROM agreement_items WHERE score_m > 0
GROUP BY project_id, name, score_who, scores;

ANALYZE agreement_items;
ANALYZE agreement_pattern_counts;
