package store

import (
	"errors"
	"fmt"
	"time"

	"github.com/ncruces/go-sqlite3"
)

const (
	// mergePatience is how long a writer keeps retrying to start its merge
	// transaction while another process merges (each attempt already waits
	// for the busy timeout).
	mergePatience = 10 * time.Minute
	// busyRetryDelay spaces those attempts when SQLite reports BUSY
	// without waiting (a busy handler is not called in every case).
	busyRetryDelay = 50 * time.Millisecond
)

// execSQL runs one statement with positional arguments.
func execSQL(conn *sqlite3.Conn, sql string, args ...any) error {
	stmt, _, err := conn.Prepare(sql)
	if err != nil {
		return err
	}
	defer stmt.Close()
	if err := bind(stmt, args); err != nil {
		return err
	}
	return stmt.Exec()
}

// execRows runs sql once for each row with the arguments args gives it,
// preparing it once: a scan's ledger is tens of thousands of rows, and
// parsing the statement again for each cost more than inserting it. On an
// error it returns the failing row's index.
func execRows[T any](conn *sqlite3.Conn, sql string, rows []T, args func(T) []any) (int, error) {
	stmt, _, err := conn.Prepare(sql)
	if err != nil {
		return 0, err
	}
	defer stmt.Close()
	for i, row := range rows {
		if err := bind(stmt, args(row)); err != nil {
			return i, err
		}
		if err := stmt.Exec(); err != nil {
			return i, err
		}
	}
	return 0, nil
}

// queryInt64 runs a statement that returns one integer (NULL reads as 0).
func queryInt64(conn *sqlite3.Conn, sql string, args ...any) (int64, error) {
	stmt, _, err := conn.Prepare(sql)
	if err != nil {
		return 0, err
	}
	defer stmt.Close()
	if err := bind(stmt, args); err != nil {
		return 0, err
	}
	if !stmt.Step() {
		if err := stmt.Err(); err != nil {
			return 0, err
		}
		return 0, errors.New("no row")
	}
	return stmt.ColumnInt64(0), nil
}

// bind binds Go values to the positional parameters of stmt. Empty strings
// are bound as they are; use nullable for optional text.
func bind(stmt *sqlite3.Stmt, args []any) error {
	for i, arg := range args {
		if err := bindOne(stmt, i+1, arg); err != nil {
			return err
		}
	}
	return nil
}

func bindOne(stmt *sqlite3.Stmt, param int, arg any) error {
	switch v := arg.(type) {
	case nil:
		return stmt.BindNull(param)
	case string:
		return stmt.BindText(param, v)
	case []byte:
		return stmt.BindBlob(param, v)
	case int:
		return stmt.BindInt64(param, int64(v))
	case int32:
		return stmt.BindInt64(param, int64(v))
	case int64:
		return stmt.BindInt64(param, v)
	case uint32:
		return stmt.BindInt64(param, int64(v))
	case float64:
		return stmt.BindFloat(param, v)
	case bool:
		return stmt.BindBool(param, v)
	case time.Time:
		return stmt.BindText(param, formatTime(v))
	}
	return fmt.Errorf("parameter %d: unsupported type %T", param, arg)
}

// nullable returns nil for an empty string, so that it is stored as NULL.
func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// formatTime renders t as an RFC 3339 UTC string.
func formatTime(t time.Time) string {
	return t.UTC().Format(time.RFC3339)
}

// inImmediate runs fn inside a BEGIN IMMEDIATE transaction, committing on
// success and rolling back on error. Starting the transaction is retried
// while another connection holds the write lock, for up to patience.
func inImmediate(conn *sqlite3.Conn, patience time.Duration, fn func() error) (err error) {
	deadline := time.Now().Add(patience)
	for {
		err = conn.Exec(`BEGIN IMMEDIATE`)
		if err == nil || !errors.Is(err, sqlite3.BUSY) || time.Now().After(deadline) {
			break
		}
		time.Sleep(busyRetryDelay)
	}
	if err != nil {
		return fmt.Errorf("begin write transaction: %w", err)
	}
	defer func() {
		if err != nil && !conn.GetAutocommit() {
			err = errors.Join(err, conn.Exec(`ROLLBACK`))
		}
	}()
	if err := fn(); err != nil {
		return err
	}
	if err := conn.Exec(`COMMIT`); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}
