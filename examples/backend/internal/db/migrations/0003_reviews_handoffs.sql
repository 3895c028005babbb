-- Every refund that pays money is reviewed for approval (rule A3), not only
-- a payout: kind says what waits — a payout ('payout', the console's
-- payout in payout), a refund application's action that pays
-- ('refund_action': the refund's ID and the action in payout), or a plan's
-- money step ('plan': the plan's ID in payout; the request's id is made
-- from the plan's, so a plan has one request and one approval).
ALTER TABLE refund_reviews ADD COLUMN kind TEXT NOT NULL DEFAULT 'payout';

-- Which plan a hand-off belongs to (rule R1): NULL — the open plan of its
-- order that waits for a hand-off to its department, if any; '' — none;
-- otherwise that plan's ID.
ALTER TABLE handoffs ADD COLUMN plan_id TEXT;
