package db

import (
	"context"
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

// Several instances starting at once on one PostgreSQL: each migration is
// applied by one of them (an advisory lock), none fails.
func TestConcurrentStartPostgres(t *testing.T) {
	base := os.Getenv("KEFU_TEST_PG")
	if base == "" {
		t.Skip("KEFU_TEST_PG is not set")
	}
	ctx := context.Background()
	admin, err := Open(ctx, base, "")
	require.NoError(t, err)
	defer admin.Close()
	require.NoError(t, admin.Exec(ctx, "CREATE SCHEMA t_start"))
	defer admin.Exec(ctx, "DROP SCHEMA t_start CASCADE")
	u, err := url.Parse(base)
	require.NoError(t, err)
	q := u.Query()
	q.Set("search_path", "t_start")
	u.RawQuery = q.Encode()
	dsn := u.String()
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
// migration 0004): a second open one for the same plan and step is a
// unique violation; a closed one, another step, another plan or another
// kind of request is not.
func TestOneOpenRefundRequestPerPlanStep(t *testing.T) {
	ctx := context.Background()
	d, err := Open(ctx, "", t.TempDir())
	require.NoError(t, err)
	defer d.Close()
	n := 0
	insert := func(kind, subject, step string, pending int) bool {
		n++
		var ok bool
		require.NoError(t, d.Tx(ctx, func(tx *Tx) (err error) {
			ok, err = tx.Insert(ctx, `INSERT INTO refund_reviews (id, order_id, requester, payout, created_ms, kind, subject, step, pending)
				VALUES (?, 'T1', '{}', '{}', 1, ?, ?, ?, ?)`, "rr-"+strconv.Itoa(n), kind, subject, step, pending)
			return err
		}))
		return ok
	}
	require.True(t, insert("plan", "RR-1", "refund_original", 1))
	assert.False(t, insert("plan", "RR-1", "refund_original", 1), "a second open request of the step")
	assert.True(t, insert("plan", "RR-1", "refund_original", 0), "a closed one")
	assert.True(t, insert("plan", "RR-1", "refund_difference", 1), "another step")
	assert.True(t, insert("plan", "RR-2", "refund_original", 1), "another plan")
	assert.True(t, insert("payout", "", "", 1))
	assert.True(t, insert("payout", "", "", 1), "payouts are not plans")
}

// Migration 0004 on a database that holds requests already: an approved
// request is closed, and of a plan's open requests stored twice (two
// refusals at the same instant, before the index) the newest stays open,
// the others are closed; other plans' and payouts' requests stay as they
// were. The index is then built on what is left.
func TestMigrationClosesDuplicatePlanRequests(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	d, err := Open(ctx, "", dir)
	require.NoError(t, err)
	// The database as 0003 left it.
	for _, q := range []string{
		"DROP INDEX refund_reviews_open_plan_step",
		"ALTER TABLE refund_reviews DROP COLUMN pending",
		"ALTER TABLE refund_reviews DROP COLUMN step",
		"DELETE FROM schema_migrations WHERE version = 4",
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

	d, err = Open(ctx, "", dir)
	require.NoError(t, err)
	defer d.Close()
	open := map[string]int{}
	require.NoError(t, d.Read(ctx, func(tx *Tx) error {
		rows, err := tx.Query(ctx, "SELECT id, pending FROM refund_reviews")
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id string
			var p int
			if err := rows.Scan(&id, &p); err != nil {
				return err
			}
			open[id] = p
		}
		return rows.Err()
	}))
	assert.Equal(t, map[string]int{"rr-a": 0, "rr-b": 1, "rr-c": 0, "rr-d": 1, "rr-e": 0, "rr-f": 1, "rr-g": 1}, open,
		"RR-1 keeps its newest (rr-b: the first ID of the newest), RR-3's approved request is closed")
}
