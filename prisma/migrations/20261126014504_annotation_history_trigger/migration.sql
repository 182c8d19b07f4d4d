-- Every overwrite or delete of an annotation keeps the replaced version.
-- A row trigger sees the row actually replaced, even when two writers race on
-- one key (ON CONFLICT DO UPDATE locks and re-reads it), so no version is lost.
-- The acting user comes from NEW.user_id on updates, and from the transaction
-- setting marginalia.actor_id on deletes.
CREATE FUNCTION annotations_keep_history() RETURNS trigger AS $$
BEGIN
  INSERT INTO annotation_history (
    annotation_id, action, project_id, target_type, target_id, document_position, name, label, score,
    explanation, metadata, annotator_kind, identifier, source, user_id, version_at, replaced_at, replaced_by_id)
  VALUES (
    OLD.id, (CASE WHEN TG_OP = 'DELETE' THEN 'DELETE' ELSE 'UPDATE' END)::"HistoryAction", OLD.project_id,
    OLD.target_type, OLD.target_id, OLD.document_position, OLD.name, OLD.label, OLD.score, OLD.explanation,
    OLD.metadata, OLD.annotator_kind, OLD.identifier, OLD.source, OLD.user_id, OLD.updated_at, now(),
    CASE WHEN TG_OP = 'DELETE'
      THEN nullif(current_setting('marginalia.actor_id', true), '')::uuid
      ELSE NEW.user_id END);
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER annotations_history
  BEFORE UPDATE OR DELETE ON annotations
  FOR EACH ROW EXECUTE FUNCTION annotations_keep_history();
