package db

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"time"
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
