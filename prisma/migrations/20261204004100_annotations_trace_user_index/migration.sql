-- "Reviewed by me / not by me" (the traces list's filter, and review mode opened
-- on it) probes each trace's annotations for one of the reader's labels or
-- scores: NOT EXISTS (… trace_row_id = t.id AND name <> 'note' AND user_id = me).
-- On (trace_row_id, name) that read every annotation row of the trace from the
-- heap (~10 per trace, 16k buffers for a 1,001-trace review list, 93 ms); with
-- user_id in the index it is one index-only probe per trace (4k buffers, 7 ms).
-- The new index replaces the old one (its leading columns serve every query the
-- old one did), so annotation writes keep the same number of index entries.
CREATE INDEX "annotations_trace_row_id_name_user_id_idx" ON "annotations"("trace_row_id", "name", "user_id");
DROP INDEX "annotations_trace_row_id_name_idx";
