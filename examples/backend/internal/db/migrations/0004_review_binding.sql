-- A refund waiting for approval is open (pending = 1) until it is approved:
-- the approval's transaction sets pending = 0 with compare-and-set, so a
-- request is approved once. A plan's request names the money step it asks
-- for (step: refund_difference, refund_original, settle; '' for a request
-- stored before this column, bound to its plan only), and a plan has at
-- most one open request per step (rule A3): two refusals of one plan at the
-- same instant cannot both insert one, the second retries and finds the
-- first.
ALTER TABLE refund_reviews ADD COLUMN step TEXT NOT NULL DEFAULT '';
ALTER TABLE refund_reviews ADD COLUMN pending BIGINT NOT NULL DEFAULT 1;
UPDATE refund_reviews SET pending = 0 WHERE id IN (SELECT request_id FROM approvals);
-- Of the open requests of a plan stored twice before this migration, the
-- newest stays open (the one the backend answered last); the others are
-- closed, never approved.
UPDATE refund_reviews SET pending = 0 WHERE kind = 'plan' AND pending = 1 AND EXISTS (
	SELECT 1 FROM refund_reviews n WHERE n.kind = 'plan' AND n.pending = 1 AND n.subject = refund_reviews.subject
		AND n.step = refund_reviews.step
		AND (n.created_ms > refund_reviews.created_ms OR (n.created_ms = refund_reviews.created_ms AND n.id < refund_reviews.id)));
CREATE UNIQUE INDEX refund_reviews_open_plan_step ON refund_reviews (subject, step) WHERE kind = 'plan' AND pending = 1;
