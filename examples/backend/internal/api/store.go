package api

import (
	"context"
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/examples/backend/internal/db"
	"github.com/kefu-go/kefu/examples/backend/internal/kefuorder"
	"github.com/kefu-go/kefu/notes"
	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/pricing"
	"github.com/kefu-go/kefu/refund"
)

// The rows of kefu state the handlers read and write. Each load returns
// the value and the version it was read at; each save writes with
// compare-and-set on that version (db.Tx.CAS), or inserts a row read as
// absent (db.Tx.Create), so a concurrent writer makes the action run again
// on fresh rows (db.ErrRetry).

// orderRow is a stored order.
type orderRow struct {
	o       order.Order
	detail  order.TradeDetail
	hasDet  bool
	version int64
}

func notFound(what, id string) error {
	return fmt.Errorf("%s %q: %w", what, id, order.ErrNotFound)
}

func loadOrder(ctx context.Context, tx *db.Tx, id string) (orderRow, error) {
	var body, detail string
	var row orderRow
	err := tx.QueryRow(ctx, "SELECT body, detail, version FROM orders WHERE id = ?", id).Scan(&body, &detail, &row.version)
	if db.NoRows(err) {
		return row, notFound("order", id)
	}
	if err != nil {
		return row, err
	}
	if row.o, err = kefuorder.Decode([]byte(body)); err != nil {
		return row, fmt.Errorf("stored order %q: %w", id, err)
	}
	if row.detail, row.hasDet, err = kefuorder.DecodeDetail([]byte(detail)); err != nil {
		return row, fmt.Errorf("stored trade detail %q: %w", id, err)
	}
	return row, nil
}

func insertOrder(ctx context.Context, tx *db.Tx, o order.Order, detail []byte) error {
	b, err := kefuorder.Encode(o)
	if err != nil {
		return err
	}
	ok, err := tx.Insert(ctx, "INSERT INTO orders (id, buyer_id, status, created_ms, body, detail, version) VALUES (?, ?, ?, ?, ?, ?, 1)",
		o.ID(), o.Buyer().ID, o.Status().String(), db.Ms(o.CreatedAt()), string(b), string(detail))
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("order %q exists already: %w", o.ID(), order.ErrConflict)
	}
	return nil
}

// saveOrder writes o over the row read at row.version.
func saveOrder(ctx context.Context, tx *db.Tx, row orderRow, o order.Order) error {
	b, err := kefuorder.Encode(o)
	if err != nil {
		return err
	}
	return tx.CAS(ctx, "UPDATE orders SET status = ?, body = ?, version = ? WHERE id = ? AND version = ?",
		o.Status().String(), string(b), row.version+1, o.ID(), row.version)
}

// loadStock returns real stock for the given SKUs (rule O8); SKUs the
// warehouse never counted are left out, which kefu reads as "not counted".
func loadStock(ctx context.Context, tx *db.Tx, skus []string) (order.Stock, error) {
	m := make(map[string]int, len(skus))
	for _, sku := range skus {
		var n int
		err := tx.QueryRow(ctx, "SELECT on_hand FROM stock WHERE sku = ?", sku).Scan(&n)
		if db.NoRows(err) {
			continue
		}
		if err != nil {
			return order.Stock{}, err
		}
		m[sku] = n
	}
	return order.NewStock(m)
}

func skusOf(o *order.Order) []string {
	var out []string
	for i := range o.NumLines() {
		out = append(out, o.Line(i).SKU)
	}
	return out
}

// Usage rows (pricing.AgentUsage, pricing.OrderUsage): kefu's Version is
// the row's version, and a row never written is kefu's zero value.

func loadAgentUsage(ctx context.Context, tx *db.Tx, id string) (pricing.AgentUsage, error) {
	var u pricing.AgentUsage
	err := tx.QueryRow(ctx, "SELECT agent_id, day, erases, version FROM agent_usage WHERE agent_id = ?", id).
		Scan(&u.AgentID, &u.Day, &u.Erases, &u.Version)
	if db.NoRows(err) {
		return pricing.AgentUsage{}, nil
	}
	if err != nil {
		return u, err
	}
	return u, u.Validate()
}

func saveAgentUsage(ctx context.Context, tx *db.Tx, old, u pricing.AgentUsage) error {
	if u.Version == old.Version {
		return nil // the concession did not touch it
	}
	if old.Version == 0 {
		return tx.Create(ctx, "INSERT INTO agent_usage (agent_id, day, erases, version) VALUES (?, ?, ?, ?)",
			u.AgentID, u.Day, u.Erases, u.Version)
	}
	return tx.CAS(ctx, "UPDATE agent_usage SET day = ?, erases = ?, version = ? WHERE agent_id = ? AND version = ?",
		u.Day, u.Erases, u.Version, u.AgentID, old.Version)
}

func loadOrderUsage(ctx context.Context, tx *db.Tx, id string) (pricing.OrderUsage, error) {
	var u pricing.OrderUsage
	err := tx.QueryRow(ctx, "SELECT order_id, price_changes, version FROM order_usage WHERE order_id = ?", id).
		Scan(&u.OrderID, &u.PriceChanges, &u.Version)
	if db.NoRows(err) {
		return pricing.OrderUsage{}, nil
	}
	if err != nil {
		return u, err
	}
	return u, u.Validate()
}

func saveOrderUsage(ctx context.Context, tx *db.Tx, old, u pricing.OrderUsage) error {
	if u.Version == old.Version {
		return nil
	}
	if old.Version == 0 {
		return tx.Create(ctx, "INSERT INTO order_usage (order_id, price_changes, version) VALUES (?, ?, ?)",
			u.OrderID, u.PriceChanges, u.Version)
	}
	return tx.CAS(ctx, "UPDATE order_usage SET price_changes = ?, version = ? WHERE order_id = ? AND version = ?",
		u.PriceChanges, u.Version, u.OrderID, old.Version)
}

// The memo of an order: the zero notes.Memo until a note is appended.

func loadMemo(ctx context.Context, tx *db.Tx, orderID string) (notes.Memo, int64, error) {
	var body string
	var v int64
	err := tx.QueryRow(ctx, "SELECT body, version FROM memos WHERE order_id = ?", orderID).Scan(&body, &v)
	if db.NoRows(err) {
		return notes.Memo{}, 0, nil
	}
	if err != nil {
		return notes.Memo{}, 0, err
	}
	var m notes.Memo
	if err := m.UnmarshalJSON([]byte(body)); err != nil {
		return m, 0, fmt.Errorf("stored memo %q: %w", orderID, err)
	}
	return m, v, nil
}

func saveMemo(ctx context.Context, tx *db.Tx, orderID string, m notes.Memo, old int64) error {
	b, err := m.MarshalJSON()
	if err != nil {
		return err
	}
	if old == 0 {
		return tx.Create(ctx, "INSERT INTO memos (order_id, body, version) VALUES (?, ?, 1)", orderID, string(b))
	}
	return tx.CAS(ctx, "UPDATE memos SET body = ?, version = ? WHERE order_id = ? AND version = ?", string(b), old+1, orderID, old)
}

// The refund ledger of an order (rule R7): built once, when the order is
// paid, from the platform's own split of the discount when the order came
// as a trade record, else by kefu's largest-remainder split; then written
// with compare-and-set on the ledger's own version.

func loadLedger(ctx context.Context, tx *db.Tx, orderID string) (refund.Ledger, bool, error) {
	var body string
	err := tx.QueryRow(ctx, "SELECT body FROM ledgers WHERE order_id = ?", orderID).Scan(&body)
	if db.NoRows(err) {
		return refund.Ledger{}, false, nil
	}
	if err != nil {
		return refund.Ledger{}, false, err
	}
	var l refund.Ledger
	if err := l.UnmarshalJSON([]byte(body)); err != nil {
		return l, false, fmt.Errorf("stored ledger %q: %w", orderID, err)
	}
	return l, true, nil
}

func newLedger(row orderRow) (refund.Ledger, error) {
	if !row.hasDet {
		return refund.NewLedger(&row.o)
	}
	split := make([]decimal.Decimal, len(row.detail.Lines))
	for i, l := range row.detail.Lines {
		split[i] = l.Discount
	}
	return refund.NewLedgerSplit(&row.o, split)
}

// createLedger stores the first ledger of an order, in the transaction
// that pays it.
func createLedger(ctx context.Context, tx *db.Tx, row orderRow) error {
	l, err := newLedger(row)
	if err != nil {
		return err
	}
	b, err := l.MarshalJSON()
	if err != nil {
		return err
	}
	// ON CONFLICT DO NOTHING: an order paid again after a reimport keeps
	// its first ledger, and the statement never aborts the transaction.
	_, err = tx.Exec(ctx, "INSERT INTO ledgers (order_id, body, version, returns_pending) VALUES (?, ?, ?, ?) ON CONFLICT (order_id) DO NOTHING",
		l.OrderID(), string(b), l.Version(), returnsPending(l))
	return err
}

// saveLedger writes next over the ledger read at version old.
func saveLedger(ctx context.Context, tx *db.Tx, next refund.Ledger, old int64) error {
	if next.Version() == old {
		return nil // a replay: nothing changed
	}
	b, err := next.MarshalJSON()
	if err != nil {
		return err
	}
	return tx.CAS(ctx, "UPDATE ledgers SET body = ?, version = ?, returns_pending = ? WHERE order_id = ? AND version = ?",
		string(b), next.Version(), returnsPending(next), next.OrderID(), old)
}

// returnsPending is the ledger's returns_pending column: 1 when it holds
// returned goods no payout has refunded yet, which the triage's
// after-sales check watches (rule R6).
func returnsPending(l refund.Ledger) int {
	if len(l.Unrefunded()) > 0 {
		return 1
	}
	return 0
}

// ledgerFor loads the ledger of an order, building it on first use for an
// order paid before the backend kept ledgers.
func ledgerFor(ctx context.Context, tx *db.Tx, row orderRow) (refund.Ledger, error) {
	l, ok, err := loadLedger(ctx, tx, row.o.ID())
	if err != nil || ok {
		return l, err
	}
	if l, err = newLedger(row); err != nil {
		return l, err
	}
	b, err := l.MarshalJSON()
	if err != nil {
		return l, err
	}
	return l, tx.Create(ctx, "INSERT INTO ledgers (order_id, body, version, returns_pending) VALUES (?, ?, ?, ?)",
		l.OrderID(), string(b), l.Version(), returnsPending(l))
}

func ms(t time.Time) int64 { return db.Ms(t) }
