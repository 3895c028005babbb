-- Refund-and-reorder plans (rules S2, R1, R2): refund.Plan stored whole as
-- its strict JSON, with its version for compare-and-set. original_id and
-- reorder_id find the plans an action on an order advances; one open plan
-- per original order (a partial unique index, on both databases).
CREATE TABLE plans (
	id          TEXT PRIMARY KEY,
	original_id TEXT NOT NULL,
	reorder_id  TEXT NOT NULL DEFAULT '',
	status      TEXT NOT NULL,
	body        TEXT NOT NULL,
	version     BIGINT NOT NULL
);
CREATE UNIQUE INDEX plans_open_original ON plans (original_id) WHERE status = 'open';
CREATE INDEX plans_by_original ON plans (original_id);
CREATE INDEX plans_by_reorder ON plans (reorder_id);

-- The triage's after-sales checks (rule R6) read only the ledgers that hold
-- returned goods not yet refunded (refund.Ledger.Unrefunded), kept beside the
-- body by every write. A ledger written before this column existed counts as
-- holding some until its next write: it is read and checked, never missed.
ALTER TABLE ledgers ADD COLUMN returns_pending BIGINT NOT NULL DEFAULT 1;
CREATE INDEX ledgers_returns_pending ON ledgers (returns_pending);

-- And only the exchanges still waiting for the buyer's goods to come back
-- (refund.Exchange.WaitingOnReturn, rule R4), kept the same way.
ALTER TABLE exchanges ADD COLUMN waiting BIGINT NOT NULL DEFAULT 1;
CREATE INDEX exchanges_waiting ON exchanges (waiting);

-- Refunds waiting for a senior colleague's approval (rule A3,
-- refund.Policy.ReviewRefund): the console's payout and who asked (from the
-- staff token). The approval itself is a row of approvals, its one use a
-- row of spent_approvals, as for concessions.
CREATE TABLE refund_reviews (
	id         TEXT PRIMARY KEY,
	order_id   TEXT NOT NULL,
	requester  TEXT NOT NULL,
	payout     TEXT NOT NULL,
	created_ms BIGINT NOT NULL
);
