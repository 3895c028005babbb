-- Every refund that pays money is reviewed for approval (rule A3), not only
-- a payout. kind says what waits, subject which one: a payout ('payout',
-- the console's payout in payout, no subject), a refund application's
-- action that pays ('refund_action': the refund's ID as subject, the
-- action in payout), or a plan's money step ('plan': the plan's ID as
-- subject, payout '{}'; a plan's refusal reuses its request not yet
-- approved). An approval is redeemed only on the path of its request's kind
-- and subject.
ALTER TABLE refund_reviews ADD COLUMN kind TEXT NOT NULL DEFAULT 'payout';
ALTER TABLE refund_reviews ADD COLUMN subject TEXT NOT NULL DEFAULT '';

-- Which plan a hand-off belongs to (rule R1): NULL — the open plan of its
-- order that waits for a hand-off to its department, if any; '' — none;
-- otherwise that plan's ID.
ALTER TABLE handoffs ADD COLUMN plan_id TEXT;
