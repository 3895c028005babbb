-- The reference backend's schema, the same on SQLite and PostgreSQL.
--
-- Every kefu state value lives in a table, written in the transaction of the
-- action it belongs to. Values kefu encodes in JSON are stored whole in a
-- TEXT column "body" (kefu's own strict JSON form, decoded back strictly);
-- the columns beside it are what the backend queries or compares on: keys,
-- versions for compare-and-set, times as Unix milliseconds (0 = unset).

-- Orders: the order's JSON (order.Order.MarshalJSON) and, for an order
-- imported from a platform trade record, the trade detail (the platform's
-- split of the discount across the lines, order.TradeDetail). version is
-- the backend's, bumped by every write (compare-and-set).
CREATE TABLE orders (
	id         TEXT PRIMARY KEY,
	buyer_id   TEXT NOT NULL,
	status     TEXT NOT NULL,
	created_ms BIGINT NOT NULL,
	body       TEXT NOT NULL,
	detail     TEXT NOT NULL DEFAULT '',
	version    BIGINT NOT NULL
);
CREATE INDEX orders_by_status ON orders (status, id);

-- Real stock (rule O8): what the warehouse counted, not the item page.
CREATE TABLE stock (
	sku     TEXT PRIMARY KEY,
	on_hand BIGINT NOT NULL,
	version BIGINT NOT NULL
);

-- pricing.AgentUsage and pricing.OrderUsage, one row per agent and per
-- order, written back with compare-and-set on version (kefu's Version).
CREATE TABLE agent_usage (
	agent_id TEXT PRIMARY KEY,
	day      TEXT NOT NULL,
	erases   BIGINT NOT NULL,
	version  BIGINT NOT NULL
);
CREATE TABLE order_usage (
	order_id      TEXT PRIMARY KEY,
	price_changes BIGINT NOT NULL,
	version       BIGINT NOT NULL
);

-- Concessions waiting for a superior's approval: the console's request
-- (pricing.Request's JSON form) and who asked (order.Agent, from the
-- staff token). One approval per request: approvals.request_id is unique.
CREATE TABLE review_requests (
	id         TEXT PRIMARY KEY,
	order_id   TEXT NOT NULL,
	requester  TEXT NOT NULL,
	request    TEXT NOT NULL,
	created_ms BIGINT NOT NULL
);
CREATE TABLE approvals (
	id         TEXT PRIMARY KEY,
	request_id TEXT NOT NULL UNIQUE,
	order_id   TEXT NOT NULL,
	body       TEXT NOT NULL,
	expires_ms BIGINT NOT NULL,
	created_ms BIGINT NOT NULL
);

-- pricing.Spent: an approval's one use. The primary key is what makes it
-- single use: of two transactions inserting the same id, one fails.
CREATE TABLE spent_approvals (
	id         TEXT PRIMARY KEY,
	order_id   TEXT NOT NULL,
	expires_ms BIGINT NOT NULL,
	at_ms      BIGINT NOT NULL
);

-- Concessions given, alone or with an approval (approval_id unique too).
CREATE TABLE concessions (
	id          TEXT PRIMARY KEY,
	order_id    TEXT NOT NULL,
	agent_id    TEXT NOT NULL,
	kind        TEXT NOT NULL,
	amount      TEXT NOT NULL,
	approval_id TEXT UNIQUE,
	at_ms       BIGINT NOT NULL
);
CREATE INDEX concessions_by_order ON concessions (order_id);

-- notes.Memo per order; notes.HandOff and notes.Promise by their IDs.
CREATE TABLE memos (
	order_id TEXT PRIMARY KEY,
	body     TEXT NOT NULL,
	version  BIGINT NOT NULL
);
CREATE TABLE handoffs (
	id       TEXT PRIMARY KEY,
	order_id TEXT NOT NULL,
	target   TEXT NOT NULL,
	acked_ms BIGINT NOT NULL,
	due_ms   BIGINT NOT NULL,
	body     TEXT NOT NULL,
	version  BIGINT NOT NULL
);
CREATE INDEX handoffs_by_order ON handoffs (order_id);
CREATE TABLE promises (
	id         TEXT PRIMARY KEY,
	order_id   TEXT NOT NULL,
	buyer_id   TEXT NOT NULL,
	settled_ms BIGINT NOT NULL,
	due_ms     BIGINT NOT NULL,
	body       TEXT NOT NULL,
	version    BIGINT NOT NULL
);
CREATE INDEX promises_open ON promises (settled_ms, due_ms);

-- refund.Ledger per order (version is the ledger's own, compare-and-set),
-- refund.Refund and refund.Exchange by ID (versions are theirs too). A
-- refund's units are the backend's: how many units of the line it covers,
-- for the ledger's per-unit caps (the platform's refund record has none).
CREATE TABLE ledgers (
	order_id TEXT PRIMARY KEY,
	body     TEXT NOT NULL,
	version  BIGINT NOT NULL
);
CREATE TABLE refunds (
	id       TEXT PRIMARY KEY,
	order_id TEXT NOT NULL,
	units    BIGINT NOT NULL,
	body     TEXT NOT NULL,
	version  BIGINT NOT NULL
);
CREATE TABLE exchanges (
	id       TEXT PRIMARY KEY,
	order_id TEXT NOT NULL,
	body     TEXT NOT NULL,
	version  BIGINT NOT NULL
);

-- Refund-and-reorder (rule R1): the order the buyer placed again.
CREATE TABLE reorders (
	original_id TEXT PRIMARY KEY,
	reorder_id  TEXT NOT NULL UNIQUE,
	at_ms       BIGINT NOT NULL
);
