package db

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io/fs"
	"net/url"
	"os"
	"strconv"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRebind(t *testing.T) {
	for _, tc := range []struct {
		reason string
		d      Dialect
		in     string
		want   string
	}{
		{"SQLite keeps ?", SQLite, "SELECT a FROM t WHERE b = ? AND c = ?", "SELECT a FROM t WHERE b = ? AND c = ?"},
		{"PostgreSQL numbers them", Postgres, "SELECT a FROM t WHERE b = ? AND c = ?", "SELECT a FROM t WHERE b = $1 AND c = $2"},
		{"no placeholder", Postgres, "SELECT 1", "SELECT 1"},
		{"text other than ASCII", Postgres, "SELECT '数' WHERE x = ?", "SELECT '数' WHERE x = $1"},
	} {
		t.Run(tc.reason, func(t *testing.T) { assert.Equal(t, tc.want, rebind(tc.d, tc.in)) })
	}
}

func TestStatements(t *testing.T) {
	got := statements("-- a comment; with a semicolon\nCREATE TABLE a (x TEXT);\n\n  -- another\nCREATE INDEX i ON a (x);\n")
	assert.Equal(t, []string{"CREATE TABLE a (x TEXT)", "CREATE INDEX i ON a (x)"}, got)
}

// The migrations are applied once, however often and however many
// processes open the database.
func TestMigrationsApplyOnce(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	names, err := fs.Glob(migrations, "migrations/*.sql")
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(names), 2)
	for range 3 {
		d, err := Open(ctx, "", dir)
		require.NoError(t, err)
		var n int
		require.NoError(t, d.Read(ctx, func(tx *Tx) error {
			return tx.QueryRow(ctx, "SELECT COUNT(*) FROM schema_migrations").Scan(&n)
		}))
		assert.Equal(t, len(names), n, "one row per migration")
		require.NoError(t, d.Close())
	}
	_, err = Open(ctx, "mysql://nope", dir)
	require.Error(t, err, "only postgres:// URLs or SQLite")
}

// pgSchema returns a DSN of the PostgreSQL server KEFU_TEST_PG names, on a
// schema of its own (prefix and a random suffix) dropped when the test
// ends; it skips the test when KEFU_TEST_PG is not set.
func pgSchema(t *testing.T, prefix string) string {
	t.Helper()
	base := os.Getenv("KEFU_TEST_PG")
	if base == "" {
		t.Skip("KEFU_TEST_PG is not set")
	}
	ctx := context.Background()
	admin, err := Open(ctx, base, "")
	require.NoError(t, err)
	var b [6]byte
	_, _ = rand.Read(b[:])
	schema := prefix + "_" + hex.EncodeToString(b[:])
	require.NoError(t, admin.Exec(ctx, "CREATE SCHEMA "+schema))
	t.Cleanup(func() {
		_ = admin.Exec(context.Background(), "DROP SCHEMA "+schema+" CASCADE")
		admin.Close()
	})
	u, err := url.Parse(base)
	require.NoError(t, err)
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// onEachDatabase runs f on a fresh SQLite database, and on a fresh schema
// of the PostgreSQL server KEFU_TEST_PG names when it is set; open opens
// that database (again), its migrations applied.
func onEachDatabase(t *testing.T, f func(t *testing.T, open func() *DB)) {
	opener := func(t *testing.T, dsn, dir string) func() *DB {
		return func() *DB {
			d, err := Open(context.Background(), dsn, dir)
			require.NoError(t, err)
			return d
		}
	}
	t.Run("sqlite", func(t *testing.T) { f(t, opener(t, "", t.TempDir())) })
	t.Run("postgres", func(t *testing.T) { f(t, opener(t, pgSchema(t, "t_db"), "")) })
}

// Several instances starting at once on one PostgreSQL: each migration is
// applied by one of them (an advisory lock), none fails.
func TestConcurrentStartPostgres(t *testing.T) {
	dsn := pgSchema(t, "t_start")
	ctx := context.Background()
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Go(func() {
			d, err := Open(ctx, dsn, "")
			if err == nil {
				d.Close()
			}
			errs[i] = err
		})
	}
	wg.Wait()
	for _, err := range errs {
		require.NoError(t, err)
	}
}

func TestIsUniqueAndRetry(t *testing.T) {
	ctx := context.Background()
	d, err := Open(ctx, "", t.TempDir())
	require.NoError(t, err)
	defer d.Close()
	ins := "INSERT INTO stock (sku, on_hand, version) VALUES (?, 1, 1)"
	require.NoError(t, d.Tx(ctx, func(tx *Tx) error { return tx.Create(ctx, ins, "A") }))
	err = d.Tx(ctx, func(tx *Tx) error {
		ok, err := tx.Insert(ctx, ins, "A")
		assert.False(t, ok)
		return err
	})
	require.NoError(t, err)
	// A compare-and-set that keeps missing is given up, not looped on.
	attempts := 0
	err = d.Tx(ctx, func(tx *Tx) error {
		attempts++
		return tx.CAS(ctx, "UPDATE stock SET on_hand = 2 WHERE sku = ? AND version = ?", "A", 99)
	})
	require.ErrorIs(t, err, ErrRetry)
	assert.Equal(t, maxAttempts, attempts)
}

// A plan has at most one open refund request per money step (rule A3,
// migration 0004), a payout one per key on its order and a refund
// application one per refund (0005): a second open one of the same subject
// is a unique violation; a closed one, another step, another plan, key,
// order or refund, or another kind of request is not. A payout request
// without a subject (one whose stored payout named no key) is not held.
func TestOneOpenRefundRequestPerSubject(t *testing.T) {
	onEachDatabase(t, func(t *testing.T, open func() *DB) {
		d := open()
		defer d.Close()
		n := 0
		insert := func(kind, orderID, subject, step string, pending int) bool {
			n++
			return inserted(t, d, `INSERT INTO refund_reviews (id, order_id, requester, payout, created_ms, kind, subject, step, pending)
				VALUES (?, ?, '{}', '{}', 1, ?, ?, ?, ?)`, "rr-"+strconv.Itoa(n), orderID, kind, subject, step, pending)
		}
		require.True(t, insert("plan", "T1", "RR-1", "refund_original", 1))
		assert.False(t, insert("plan", "T1", "RR-1", "refund_original", 1), "a second open request of the step")
		assert.False(t, insert("plan", "T2", "RR-1", "refund_original", 1), "of the step, whichever order it refunds")
		assert.True(t, insert("plan", "T1", "RR-1", "refund_original", 0), "a closed one")
		assert.True(t, insert("plan", "T1", "RR-1", "refund_difference", 1), "another step")
		assert.True(t, insert("plan", "T1", "RR-2", "refund_original", 1), "another plan")

		require.True(t, insert("payout", "T1", "p-1", "", 1))
		assert.False(t, insert("payout", "T1", "p-1", "", 1), "a second open request of the payout")
		assert.True(t, insert("payout", "T1", "p-1", "", 0), "a closed one")
		assert.True(t, insert("payout", "T1", "p-2", "", 1), "another key")
		assert.True(t, insert("payout", "T2", "p-1", "", 1), "the key on another order")
		assert.True(t, insert("payout", "T1", "", "", 1))
		assert.True(t, insert("payout", "T1", "", "", 1), "no subject: not held")

		require.True(t, insert("refund_action", "T1", "rf-1", "", 1))
		assert.False(t, insert("refund_action", "T1", "rf-1", "", 1), "a second open request of the refund")
		assert.True(t, insert("refund_action", "T1", "rf-1", "", 0), "a closed one")
		assert.True(t, insert("refund_action", "T1", "rf-2", "", 1), "another refund")
		assert.True(t, insert("payout", "T1", "rf-1", "", 1), "a payout keyed as the refund is another kind")
	})
}

// errTaken rolls back a transaction whose insert found its key taken
// (PostgreSQL aborts the transaction on the failed statement).
var errTaken = errors.New("taken")

// inserted runs the insert q in a transaction of its own and reports
// whether it inserted a row (false: a unique key was taken).
func inserted(t *testing.T, d *DB, q string, args ...any) bool {
	ctx := context.Background()
	err := d.Tx(ctx, func(tx *Tx) error {
		ok, err := tx.Insert(ctx, q, args...)
		if err == nil && !ok {
			return errTaken
		}
		return err
	})
	if errors.Is(err, errTaken) {
		return false
	}
	require.NoError(t, err)
	return true
}

// pendingOf returns every refund request's pending flag and subject.
func pendingOf(t *testing.T, d *DB) (map[string]int, map[string]string) {
	ctx := context.Background()
	open, subject := map[string]int{}, map[string]string{}
	require.NoError(t, d.Read(ctx, func(tx *Tx) error {
		rows, err := tx.Query(ctx, "SELECT id, pending, subject FROM refund_reviews")
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id, s string
			var p int
			if err := rows.Scan(&id, &p, &s); err != nil {
				return err
			}
			open[id], subject[id] = p, s
		}
		return rows.Err()
	}))
	return open, subject
}

// Migration 0004 on a database that holds requests already: an approved
// request is closed, and of a plan's open requests stored twice (two
// refusals at the same instant, before the index) the newest stays open,
// the others are closed; other plans' and payouts' requests stay as they
// were. The index is then built on what is left. On SQLite, and on
// PostgreSQL when KEFU_TEST_PG is set.
func TestMigrationClosesDuplicatePlanRequests(t *testing.T) {
	onEachDatabase(t, func(t *testing.T, open func() *DB) {
		ctx := context.Background()
		d := open()
		// The database as 0003 left it.
		for _, q := range []string{
			"DROP INDEX refund_reviews_open_subject",
			"DROP INDEX refund_reviews_open_plan_step",
			"ALTER TABLE refund_reviews DROP COLUMN pending",
			"ALTER TABLE refund_reviews DROP COLUMN step",
			"DELETE FROM schema_migrations WHERE version >= 4",
		} {
			require.NoError(t, d.Exec(ctx, q), q)
		}
		for _, r := range []struct {
			id, kind, subject string
			created           int
		}{
			{"rr-a", "plan", "RR-1", 1}, {"rr-b", "plan", "RR-1", 2}, {"rr-c", "plan", "RR-1", 2},
			{"rr-d", "plan", "RR-2", 1}, {"rr-e", "plan", "RR-3", 5}, {"rr-f", "payout", "", 1}, {"rr-g", "payout", "", 1},
		} {
			require.NoError(t, d.Exec(ctx, `INSERT INTO refund_reviews (id, order_id, requester, payout, created_ms, kind, subject)
				VALUES (?, 'T1', '{}', '{}', ?, ?, ?)`, r.id, r.created, r.kind, r.subject))
		}
		require.NoError(t, d.Exec(ctx, `INSERT INTO approvals (id, request_id, order_id, body, expires_ms, created_ms)
			VALUES ('ap-1', 'rr-e', 'T1', '{}', 9, 1)`))
		require.NoError(t, d.Close())

		d = open()
		defer d.Close()
		got, _ := pendingOf(t, d)
		assert.Equal(t, map[string]int{"rr-a": 0, "rr-b": 1, "rr-c": 0, "rr-d": 1, "rr-e": 0, "rr-f": 1, "rr-g": 1}, got,
			"RR-1 keeps its newest (rr-b: the first ID of the newest), RR-3's approved request is closed")
	})
}

// Migration 0005 on a database that holds payout and refund requests
// stored twice (two refusals at the same instant, before the index): a
// payout's request takes its key as subject, in its canonical form; of
// one payout's (order and key) or one refund's open requests the newest
// stays open, the others are closed; a payout that names no key keeps no
// subject and stays as it was; plans' requests are 0004's. The index is
// then built on what is left, and holds: a second open request of a
// payout is refused. On SQLite, and on PostgreSQL when KEFU_TEST_PG is
// set.
func TestMigrationClosesDuplicateRefundRequests(t *testing.T) {
	onEachDatabase(t, func(t *testing.T, open func() *DB) {
		ctx := context.Background()
		d := open()
		// The database as 0004 left it.
		for _, q := range []string{
			"DROP INDEX refund_reviews_open_subject",
			"DELETE FROM schema_migrations WHERE version = 5",
		} {
			require.NoError(t, d.Exec(ctx, q), q)
		}
		for _, r := range []struct {
			id, kind, orderID, subject, payout string
			created, pending                   int
		}{
			{"rr-a", "payout", "T1", "", `{"key":"p-1","goods":"520.00"}`, 1, 1},
			{"rr-b", "payout", "T1", "", `{"key":"p-1","goods":"530.00"}`, 2, 1},
			{"rr-c", "payout", "T1", "", `{"goods":"520.00","key":"ｐ-1"}`, 2, 1}, // the same key, full width
			{"rr-d", "payout", "T2", "", `{"key":"p-1","goods":"520.00"}`, 1, 1},
			{"rr-e", "payout", "T1", "", `{"key":"p-2","goods":"520.00"}`, 1, 1},
			{"rr-f", "payout", "T1", "", `{}`, 1, 1},
			{"rr-g", "payout", "T1", "", `not JSON`, 1, 1},
			{"rr-h", "refund_action", "T1", "rf-1", `{"event":"agree_refund","version":1}`, 1, 1},
			{"rr-i", "refund_action", "T1", "rf-1", `{"event":"agree_refund","version":1}`, 3, 1},
			{"rr-j", "refund_action", "T1", "rf-1", `{"event":"agree_refund","version":1}`, 5, 0},
			{"rr-k", "plan", "T1", "RR-1", `{}`, 1, 1},
		} {
			require.NoError(t, d.Exec(ctx, `INSERT INTO refund_reviews (id, order_id, requester, payout, created_ms, kind, subject, pending)
				VALUES (?, ?, '{}', ?, ?, ?, ?, ?)`, r.id, r.orderID, r.payout, r.created, r.kind, r.subject, r.pending))
		}
		require.NoError(t, d.Close())

		d = open()
		defer d.Close()
		got, subject := pendingOf(t, d)
		assert.Equal(t, map[string]int{"rr-a": 0, "rr-b": 1, "rr-c": 0, "rr-d": 1, "rr-e": 1, "rr-f": 1, "rr-g": 1,
			"rr-h": 0, "rr-i": 1, "rr-j": 0, "rr-k": 1}, got,
			"p-1 on T1 keeps its newest (rr-b: the first ID of the newest), rf-1 its newest open one (rr-i)")
		assert.Equal(t, map[string]string{"rr-a": "p-1", "rr-b": "p-1", "rr-c": "p-1", "rr-d": "p-1", "rr-e": "p-2", "rr-f": "", "rr-g": "",
			"rr-h": "rf-1", "rr-i": "rf-1", "rr-j": "rf-1", "rr-k": "RR-1"}, subject)
		assert.False(t, inserted(t, d, `INSERT INTO refund_reviews (id, order_id, requester, payout, created_ms, kind, subject, pending)
			VALUES ('rr-z', 'T1', '{}', '{}', 9, 'payout', 'p-1', 1)`), "one open request of p-1 on T1")
	})
}
