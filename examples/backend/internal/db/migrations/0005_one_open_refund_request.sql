-- At most one open refund request per subject (rule A3), as 0004 made it
-- for a plan's step: a payout's subject is its key on its order (set from
-- the stored payout for the requests stored before, by the migration's Go
-- step, payoutSubjects), a refund application's action's subject is the
-- refund. Two refusals of one payout, or of one refund, at the same
-- instant cannot both insert a request: the second retries and brings the
-- first's up to date. Of the open requests of one subject stored twice
-- before this migration, the newest stays open (the one the backend
-- answered last); the others are closed, never approved. A payout request
-- whose stored payout names no key keeps the subject '' and is left out of
-- the index.
UPDATE refund_reviews SET pending = 0 WHERE kind IN ('payout', 'refund_action') AND pending = 1 AND subject <> '' AND EXISTS (
	SELECT 1 FROM refund_reviews n WHERE n.kind = refund_reviews.kind AND n.pending = 1
		AND n.order_id = refund_reviews.order_id AND n.subject = refund_reviews.subject
		AND (n.created_ms > refund_reviews.created_ms OR (n.created_ms = refund_reviews.created_ms AND n.id < refund_reviews.id)));
CREATE UNIQUE INDEX refund_reviews_open_subject ON refund_reviews (kind, order_id, subject)
	WHERE kind IN ('payout', 'refund_action') AND pending = 1 AND subject <> '';
