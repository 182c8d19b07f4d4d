-- claim-next in one round trip (lib/queues/claims.ts). Before, claimNext was a
-- transaction of four round trips (BEGIN, the queue and worker check taking a
-- lock per (queue, reviewer), the claim, COMMIT), holding a pooled connection
-- throughout: with 20 reviewers at once it took ~36 ms where the claim statement
-- alone took ~6.5. A function does the same steps in one call. It must be a
-- function, not one statement: the claim has to be read after the lock is
-- granted (a VOLATILE function's statements each take a new snapshot), so a
-- reviewer's second concurrent call sees the first one's claim and gets the same
-- item back, never a second one.
--
-- Returns no row when the queue is not in the project; else one row: the queue,
-- whether the user is active and listed, and the item claimed (null when nothing
-- is left or the reader may not work the queue: the caller throws then).
-- The claim itself is the statement lib/queues/claims.ts documents: the reader's
-- own fresh claim; else the first open item reserved for them; else the first
-- open unreserved item (open: not complete, not held fresh, not finished or
-- skipped by them, target not deleted), FOR UPDATE SKIP LOCKED.
CREATE FUNCTION queue_claim_next(p_project_id integer, p_queue_id integer, p_user_id uuid, p_any_queue boolean)
RETURNS TABLE (
  id integer, "projectId" integer, "targetKind" "QueueTargetKind", "reviewsNeeded" integer, "claimTimeoutSeconds" integer,
  "openToAllReviewers" boolean, rule text, "archivedAt" timestamptz, active boolean, listed boolean,
  "itemId" integer, "targetId" integer, "claimExpiresAt" timestamptz)
LANGUAGE plpgsql VOLATILE AS $$
#variable_conflict use_column
DECLARE
  q review_queues%ROWTYPE;
  v_active boolean;
  v_listed boolean;
  v_item integer;
  v_target integer;
  v_expires timestamptz;
BEGIN
  SELECT * INTO q FROM review_queues rq WHERE rq.id = p_queue_id AND rq.project_id = p_project_id;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  -- One claim at a time per (queue, reviewer), until the caller's transaction ends.
  PERFORM pg_advisory_xact_lock(q.id, hashtext(p_user_id::text));
  SELECT u.deactivated_at IS NULL INTO v_active FROM users u WHERE u.id = p_user_id;
  v_listed := EXISTS (SELECT 1 FROM queue_reviewers qr WHERE qr.queue_id = q.id AND qr.user_id = p_user_id);

  IF coalesce(v_active, false) AND q.archived_at IS NULL AND (p_any_queue OR q.open_to_all_reviewers OR v_listed) THEN
    WITH mine AS (
      SELECT i.id FROM queue_items i
      WHERE i.claimed_by_id = p_user_id AND i.queue_id = q.id AND i.claim_expires_at > now() AND i.completed_at IS NULL
      ORDER BY i.claimed_at DESC, i.id
      LIMIT 1
    ), assigned AS (
      SELECT i.id FROM queue_items i
      WHERE i.assigned_to_id = p_user_id AND i.queue_id = q.id AND i.completed_at IS NULL
        AND (i.claimed_by_id IS NULL OR i.claim_expires_at <= now())
        AND NOT EXISTS (SELECT 1 FROM queue_reviews r WHERE r.item_id = i.id AND r.user_id = p_user_id)
        AND (CASE q.target_kind
          WHEN 'TRACE' THEN EXISTS (SELECT 1 FROM traces t WHERE t.id = i.target_id OFFSET 0)
          WHEN 'SPAN' THEN EXISTS (SELECT 1 FROM spans s WHERE s.id = i.target_id OFFSET 0)
          ELSE EXISTS (SELECT 1 FROM sessions s WHERE s.id = i.target_id OFFSET 0) END)
      ORDER BY i.id
      LIMIT 1 FOR UPDATE SKIP LOCKED
    ), unassigned AS (
      -- In the order of the (queue_id, completed_at, id) index (see claims.ts).
      SELECT i.id FROM queue_items i
      WHERE i.assigned_to_id IS NULL AND i.queue_id = q.id AND i.completed_at IS NULL
        AND (i.claimed_by_id IS NULL OR i.claim_expires_at <= now())
        AND NOT EXISTS (SELECT 1 FROM queue_reviews r WHERE r.item_id = i.id AND r.user_id = p_user_id)
        AND (CASE q.target_kind
          WHEN 'TRACE' THEN EXISTS (SELECT 1 FROM traces t WHERE t.id = i.target_id OFFSET 0)
          WHEN 'SPAN' THEN EXISTS (SELECT 1 FROM spans s WHERE s.id = i.target_id OFFSET 0)
          ELSE EXISTS (SELECT 1 FROM sessions s WHERE s.id = i.target_id OFFSET 0) END)
      ORDER BY i.queue_id, i.completed_at, i.id
      LIMIT 1 FOR UPDATE SKIP LOCKED
    ), pick AS (
      SELECT id FROM mine UNION ALL SELECT id FROM assigned UNION ALL SELECT id FROM unassigned
      LIMIT 1
    )
    UPDATE queue_items u
    SET claimed_by_id = p_user_id, claimed_at = now(), claim_expires_at = now() + make_interval(secs => q.claim_timeout_seconds)
    WHERE u.id = (SELECT id FROM pick)
    RETURNING u.id, u.target_id, u.claim_expires_at INTO v_item, v_target, v_expires;
  END IF;

  RETURN QUERY SELECT q.id, q.project_id, q.target_kind, q.reviews_needed, q.claim_timeout_seconds, q.open_to_all_reviewers,
    q.rule, q.archived_at::timestamptz, v_active, v_listed, v_item, v_target, v_expires;
END
$$;
