// Package db is the reference backend's storage: SQLite (modernc.org/sqlite,
// pure Go, a file under the data directory) by default, PostgreSQL
// (github.com/jackc/pgx/v5 through database/sql) when given a postgres://
// URL. Both run the same schema, from the migrations embedded in the binary
// and applied at start, and the same queries: written with "?" placeholders
// and rebound to "$1, $2 …" for PostgreSQL.
//
// # Transactions
//
// Every action runs in one transaction (DB.Tx), and everything it changes is
// written there. Concurrent writers are kept apart by the database, never by
// the process, so several backend instances on one PostgreSQL are as safe as
// one:
//
//   - single use is a unique key: the insert of a spent approval fails for
//     all but one transaction (IsUnique);
//   - rows that are read, decided on and written back (usage rows, ledgers,
//     refunds, memos …) are written with compare-and-set on their version
//     (UPDATE … WHERE key = ? AND version = ?); a write that finds another
//     version returns ErrRetry, and Tx runs the whole action again on fresh
//     rows.
//
// PostgreSQL runs at READ COMMITTED. SQLite opens write transactions with
// BEGIN IMMEDIATE (one writer at a time, waiting up to the busy timeout) in
// WAL mode, so readers are not blocked.
package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Dialect names the database behind a DB.
type Dialect int

const (
	SQLite Dialect = iota + 1
	Postgres
)

func (d Dialect) String() string {
	switch d {
	case SQLite:
		return "sqlite"
	case Postgres:
		return "postgres"
	}
	return "Dialect(" + strconv.Itoa(int(d)) + ")"
}

// DB is the backend's database.
type DB struct {
	sql     *sql.DB
	dialect Dialect
	// Path is the SQLite file, "" for PostgreSQL.
	Path string
}

// ErrRetry reports a compare-and-set that found another version: the row
// moved on since it was read. Tx runs the action again.
var ErrRetry = errors.New("db: row changed concurrently; retry")

// Open opens the database: PostgreSQL when dsn starts with postgres:// or
// postgresql://, else SQLite in dataDir/kefu.db (the directory is created).
// The migrations are applied before Open returns.
func Open(ctx context.Context, dsn, dataDir string) (*DB, error) {
	var d *DB
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		s, err := sql.Open("pgx", dsn)
		if err != nil {
			return nil, err
		}
		s.SetMaxOpenConns(16)
		s.SetMaxIdleConns(16)
		s.SetConnMaxIdleTime(5 * time.Minute)
		d = &DB{sql: s, dialect: Postgres}
	} else {
		if dsn != "" {
			return nil, fmt.Errorf("db: %q is not a postgres:// URL; leave -db empty for SQLite", dsn)
		}
		if err := os.MkdirAll(dataDir, 0o700); err != nil {
			return nil, err
		}
		path := filepath.Join(dataDir, "kefu.db")
		// WAL: readers do not wait for the writer. BEGIN IMMEDIATE: a write
		// transaction takes the write lock when it begins, so two of them
		// never both read and then fail to upgrade; busy_timeout: the
		// second waits for the first instead of failing at once.
		q := "file:" + path + "?_txlock=immediate" +
			"&_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)" +
			"&_pragma=synchronous(NORMAL)&_pragma=foreign_keys(1)"
		s, err := sql.Open("sqlite", q)
		if err != nil {
			return nil, err
		}
		s.SetMaxOpenConns(8)
		s.SetMaxIdleConns(8)
		d = &DB{sql: s, dialect: SQLite, Path: path}
	}
	if err := d.sql.PingContext(ctx); err != nil {
		d.sql.Close()
		return nil, fmt.Errorf("db: %s: %w", d.dialect, err)
	}
	if err := d.migrate(ctx); err != nil {
		d.sql.Close()
		return nil, err
	}
	return d, nil
}

// Dialect returns which database d is.
func (d *DB) Dialect() Dialect { return d.dialect }

// Close closes the database.
func (d *DB) Close() error { return d.sql.Close() }

// Ping checks that the database answers, for the health endpoint.
func (d *DB) Ping(ctx context.Context) error { return d.sql.PingContext(ctx) }

// Exec runs one statement outside any action's transaction: for
// administration (tests create and drop schemas with it).
func (d *DB) Exec(ctx context.Context, q string, args ...any) error {
	_, err := d.sql.ExecContext(ctx, rebind(d.dialect, q), args...)
	return err
}

// Tx is one transaction of an action.
type Tx struct {
	tx      *sql.Tx
	dialect Dialect
}

// maxAttempts bounds how often Tx runs an action that keeps meeting
// concurrent writers. Each retry re-reads the rows, so an action retries
// only while others commit: with 50 writers on one row, the last one in
// commits after at most 50 rounds.
const maxAttempts = 100

// Tx runs fn in a transaction and commits it. When fn (or the commit) fails
// with ErrRetry, a serialization failure or a deadlock, the transaction is
// rolled back and fn runs again on fresh rows, after a short random pause;
// any other error rolls back and is returned.
func (d *DB) Tx(ctx context.Context, fn func(*Tx) error) error {
	for attempt := 1; ; attempt++ {
		err := d.tryTx(ctx, fn)
		if err == nil || !retryable(err) || attempt == maxAttempts {
			if err != nil && retryable(err) {
				return fmt.Errorf("db: gave up after %d attempts: %w", attempt, err)
			}
			return err
		}
		pause := time.Duration(rand.Int64N(int64(time.Millisecond) * int64(min(attempt, 20))))
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(pause):
		}
	}
}

// Read runs fn in a read-only transaction: one consistent snapshot, and
// on SQLite a plain (deferred) BEGIN that does not take the write lock, so
// a long read — the batch triage — never holds writers up.
func (d *DB) Read(ctx context.Context, fn func(*Tx) error) error {
	stx, err := d.sql.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer stx.Rollback()
	return fn(&Tx{tx: stx, dialect: d.dialect})
}

func (d *DB) tryTx(ctx context.Context, fn func(*Tx) error) error {
	stx, err := d.sql.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	t := &Tx{tx: stx, dialect: d.dialect}
	if err := fn(t); err != nil {
		_ = stx.Rollback()
		return err
	}
	return stx.Commit()
}

// retryable reports errors after which the action may simply run again.
func retryable(err error) bool {
	if errors.Is(err, ErrRetry) {
		return true
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code == "40001" || pe.Code == "40P01" // serialization failure, deadlock
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return true
		}
	}
	return false
}

// IsUnique reports whether err is a unique-key violation: the row exists.
func IsUnique(err error) bool {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code == "23505"
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY || se.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE
	}
	return false
}

// rebind turns "?" placeholders into PostgreSQL's "$n". The backend's SQL
// holds no "?" in literals.
func rebind(d Dialect, q string) string {
	if d != Postgres || !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Exec runs a statement and returns the number of rows it changed.
func (t *Tx) Exec(ctx context.Context, q string, args ...any) (int64, error) {
	r, err := t.tx.ExecContext(ctx, rebind(t.dialect, q), args...)
	if err != nil {
		return 0, err
	}
	return r.RowsAffected()
}

// Query runs a query.
func (t *Tx) Query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return t.tx.QueryContext(ctx, rebind(t.dialect, q), args...)
}

// QueryRow runs a query for one row.
func (t *Tx) QueryRow(ctx context.Context, q string, args ...any) *sql.Row {
	return t.tx.QueryRowContext(ctx, rebind(t.dialect, q), args...)
}

// Insert inserts a row; a unique-key violation is reported as ok false, not
// as an error. On PostgreSQL a failed statement aborts the transaction, so
// the caller rolls back (returns an error) after ok false.
func (t *Tx) Insert(ctx context.Context, q string, args ...any) (ok bool, err error) {
	_, err = t.Exec(ctx, q, args...)
	if IsUnique(err) {
		return false, nil
	}
	return err == nil, err
}

// CAS runs an UPDATE … WHERE … AND version = ? and returns ErrRetry when it
// changed no row: another transaction wrote the row since it was read.
func (t *Tx) CAS(ctx context.Context, q string, args ...any) error {
	n, err := t.Exec(ctx, q, args...)
	if err != nil {
		return err
	}
	if n != 1 {
		return ErrRetry
	}
	return nil
}

// Create inserts a row read as absent, the first write of a versioned row;
// a unique-key violation means another transaction created it first, and is
// ErrRetry, as for a CAS that missed.
func (t *Tx) Create(ctx context.Context, q string, args ...any) error {
	ok, err := t.Insert(ctx, q, args...)
	if err != nil {
		return err
	}
	if !ok {
		return ErrRetry
	}
	return nil
}

// NoRows reports whether err is sql.ErrNoRows.
func NoRows(err error) bool { return errors.Is(err, sql.ErrNoRows) }

// Ms is a time as stored: Unix milliseconds, 0 for the zero time.
func Ms(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMilli()
}
