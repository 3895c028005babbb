package db

import (
	"context"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/kefu-go/kefu/order"
)

// migrations are the schema's steps, NNNN_name.sql, applied in order.
//
//go:embed migrations/*.sql
var migrations embed.FS

// migrationLock is the PostgreSQL advisory lock that keeps two instances
// starting at once from applying the same migration twice.
const migrationLock = 0x6b656675 // "kefu"

// migrate applies the migrations the database has not seen yet, each in
// its own transaction with the row that records it.
func (d *DB) migrate(ctx context.Context) error {
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	for _, name := range names {
		base := strings.TrimPrefix(name, "migrations/")
		v, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if err != nil {
			return fmt.Errorf("db: migration %s: the name must start with its number", base)
		}
		text, err := migrations.ReadFile(name)
		if err != nil {
			return err
		}
		err = d.Tx(ctx, func(tx *Tx) error {
			if d.dialect == Postgres {
				if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock(?)", int64(migrationLock)); err != nil {
					return err
				}
			}
			if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
				version    BIGINT PRIMARY KEY,
				applied_ms BIGINT NOT NULL)`); err != nil {
				return fmt.Errorf("db: schema_migrations: %w", err)
			}
			var n int
			if err := tx.QueryRow(ctx, "SELECT COUNT(*) FROM schema_migrations WHERE version = ?", v).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				return nil
			}
			if step := goSteps[v]; step != nil {
				if err := step(ctx, tx); err != nil {
					return fmt.Errorf("db: migration %s: %w", base, err)
				}
			}
			for _, stmt := range statements(string(text)) {
				if _, err := tx.Exec(ctx, stmt); err != nil {
					return fmt.Errorf("db: migration %s: %w\n%s", base, err, stmt)
				}
			}
			_, err := tx.Exec(ctx, "INSERT INTO schema_migrations (version, applied_ms) VALUES (?, ?)", v, time.Now().UnixMilli())
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// goSteps are the steps of a migration that SQL alone cannot take on both
// databases, run in its transaction before its statements.
var goSteps = map[int]func(context.Context, *Tx) error{
	5: payoutSubjects,
}

// payoutSubjects names the subject of every payout request stored before
// migration 0005: the key of the payout it stored (refund_reviews.payout,
// the console's JSON, which SQLite and PostgreSQL would each read with
// their own JSON functions), in its canonical form (order.CanonicalID, as
// the backend names a payout's request and kefu's ledger its key). A
// payout that names no valid key keeps ”.
func payoutSubjects(ctx context.Context, tx *Tx) error {
	type row struct{ id, payout string }
	var rows []row
	rs, err := tx.Query(ctx, "SELECT id, payout FROM refund_reviews WHERE kind = 'payout' AND subject = ''")
	if err != nil {
		return err
	}
	for rs.Next() {
		var r row
		if err := rs.Scan(&r.id, &r.payout); err != nil {
			rs.Close()
			return err
		}
		rows = append(rows, r)
	}
	if err := rs.Err(); err != nil {
		rs.Close()
		return err
	}
	if err := rs.Close(); err != nil {
		return err
	}
	for _, r := range rows {
		var p struct {
			Key string `json:"key"`
		}
		if json.Unmarshal([]byte(r.payout), &p) != nil {
			continue
		}
		key, err := order.CanonicalID(p.Key)
		if err != nil {
			continue
		}
		if _, err := tx.Exec(ctx, "UPDATE refund_reviews SET subject = ? WHERE id = ?", key, r.id); err != nil {
			return err
		}
	}
	return nil
}

// statements splits a migration into its statements: comment lines
// dropped, split at ";" (the migrations hold none in literals).
func statements(text string) []string {
	var b strings.Builder
	for line := range strings.Lines(text) {
		if strings.HasPrefix(strings.TrimSpace(line), "--") {
			continue
		}
		b.WriteString(line)
	}
	var out []string
	for s := range strings.SplitSeq(b.String(), ";") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}
