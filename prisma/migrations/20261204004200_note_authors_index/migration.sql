-- The notes page's author filter (listNoteAuthors: the users with a note in the
-- project) probed each user's annotations on (user_id) for a note: a reviewer's
-- ~200k labels and scores come first in that index, so the page waited ~250 ms
-- on it at 1M annotations. On the notes alone, each probe is one index-only
-- lookup. Partial: only note writes pay for it (100k of the bench's 1.1M rows).
CREATE INDEX "annotations_note_authors_idx" ON "annotations"("project_id", "user_id") WHERE "name" = 'note';
