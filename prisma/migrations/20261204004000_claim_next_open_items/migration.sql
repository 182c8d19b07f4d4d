-- claim-next's scan for the first open unreserved item (issue 12). It walked the
-- (queue_id, completed_at, id) index from the first incomplete item, and with
-- many reviewers at once the first incomplete items are the ones being claimed:
-- each call stepped over every fresh claim (and the dead row versions each claim
-- and release leave behind), probing the reviewer's reviews and the target for
-- each. Unclaimed open items now have a partial index of their own, in queue
-- order; a claim takes its row out of it, a release puts it back.
-- An expired claim is open too but cannot be in a partial index (the predicate
-- cannot read the clock): the few claimed rows of a queue are probed first, by
-- the second index; only when one of them has expired (rare: a reviewer walked
-- away) does the claim fall back to the whole scan, so the order stays exactly
-- as before: the first open unreserved item by id, claimed or not.
-- Cost: queue_items writes only (claims, releases, completions); the indexes
-- hold the open unclaimed items (60k of the bench's 100k) and the claimed ones.
CREATE INDEX "queue_items_open_unclaimed_idx" ON "queue_items" ("queue_id", "id")
  WHERE "completed_at" IS NULL AND "claimed_by_id" IS NULL AND "assigned_to_id" IS NULL;
CREATE INDEX "queue_items_open_claimed_idx" ON "queue_items" ("queue_id", "id")
  WHERE "completed_at" IS NULL AND "claimed_by_id" IS NOT NULL;

-- The same function (signature, result and steps: see
-- 20261203010000_claim_next_function), with the unassigned scan split as above.
-- The reviewer's reviews are probed before the target (a skipped item is the
-- common reason to step over a row, and its probe is the cheaper one).
CREATE OR REPLACE FUNCTION queue_claim_next(p_project_id integer, p_queue_id integer, p_user_id uuid, p_any_queue boolean)
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
  v_expired boolean;
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
    -- The reviewer's own fresh claim, else the first open item reserved for them.
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
    ), pick AS (
      SELECT id FROM mine UNION ALL SELECT id FROM assigned
      LIMIT 1
    )
    UPDATE queue_items u
    SET claimed_by_id = p_user_id, claimed_at = now(), claim_expires_at = now() + make_interval(secs => q.claim_timeout_seconds)
    WHERE u.id = (SELECT id FROM pick)
    RETURNING u.id, u.target_id, u.claim_expires_at INTO v_item, v_target, v_expires;

    IF v_item IS NULL THEN
      -- Is an expired claim open to this reviewer? (Read without a lock: the scan below locks what it takes.)
      v_expired := EXISTS (
        SELECT 1 FROM queue_items i
        WHERE i.queue_id = q.id AND i.completed_at IS NULL AND i.claimed_by_id IS NOT NULL
          AND i.claim_expires_at <= now() AND i.assigned_to_id IS NULL);
      IF v_expired THEN
        -- The whole scan, as before: claimed-and-expired and unclaimed items in one order.
        WITH unassigned AS (
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
        )
        UPDATE queue_items u
        SET claimed_by_id = p_user_id, claimed_at = now(), claim_expires_at = now() + make_interval(secs => q.claim_timeout_seconds)
        WHERE u.id = (SELECT id FROM unassigned)
        RETURNING u.id, u.target_id, u.claim_expires_at INTO v_item, v_target, v_expires;
      ELSE
        -- Only unclaimed items are open: the partial index, in queue order.
        WITH unassigned AS (
          SELECT i.id FROM queue_items i
          WHERE i.queue_id = q.id AND i.completed_at IS NULL AND i.claimed_by_id IS NULL AND i.assigned_to_id IS NULL
            AND NOT EXISTS (SELECT 1 FROM queue_reviews r WHERE r.item_id = i.id AND r.user_id = p_user_id)
            AND (CASE q.target_kind
              WHEN 'TRACE' THEN EXISTS (SELECT 1 FROM traces t WHERE t.id = i.target_id OFFSET 0)
              WHEN 'SPAN' THEN EXISTS (SELECT 1 FROM spans s WHERE s.id = i.target_id OFFSET 0)
              ELSE EXISTS (SELECT 1 FROM sessions s WHERE s.id = i.target_id OFFSET 0) END)
          ORDER BY i.queue_id, i.id
          LIMIT 1 FOR UPDATE SKIP LOCKED
        )
        UPDATE queue_items u
        SET claimed_by_id = p_user_id, claimed_at = now(), claim_expires_at = now() + make_interval(secs => q.claim_timeout_seconds)
        WHERE u.id = (SELECT id FROM unassigned)
        RETURNING u.id, u.target_id, u.claim_expires_at INTO v_item, v_target, v_expires;
      END IF;
    END IF;
  END IF;

  RETURN QUERY SELECT q.id, q.project_id, q.target_kind, q.reviews_needed, q.claim_timeout_seconds, q.open_to_all_reviewers,
    q.rule, q.archived_at::timestamptz, v_active, v_listed, v_item, v_target, v_expires;
END
$$;
