-- CreateIndex
CREATE INDEX "annotations_dashboard_idx" ON "annotations"("project_id", "target_type", "name", "annotator_kind", "target_id", "score", "user_id", "identifier", "created_at");
