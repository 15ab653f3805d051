package store

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/ncruces/go-sqlite3"
)

// ReadOnlyError is returned when Query refuses a statement that could write,
// attach a file or change the connection.
type ReadOnlyError struct {
	// Statement is the first keyword of the refused statement, upper-cased
	// ("DELETE", "PRAGMA", "ATTACH"...).
	Statement string
	// Multiple is set when the refused statement followed another one.
	Multiple bool
}

func (e *ReadOnlyError) Error() string {
	if e.Multiple {
		return fmt.Sprintf("refused: one statement at a time (a second one starts with %s); awsmap query is read-only", e.Statement)
	}
	return fmt.Sprintf("refused: %s is not allowed; awsmap query is read-only", e.Statement)
}

// readOnlyPragmas are the pragmas user SQL may run. None of them has a
// setter form: their argument only names a table, an index or a schema.
var readOnlyPragmas = map[string]bool{
	"table_info": true, "table_xinfo": true, "table_list": true,
	"index_list": true, "index_info": true, "index_xinfo": true, "foreign_key_list": true,
	"function_list": true, "pragma_list": true, "collation_list": true, "compile_options": true,
}

// writeKeywords start statements that are never read-only. Query refuses
// them before SQLite sees them, so that, e.g., DELETE on a view is reported
// as refused rather than as a view error.
var writeKeywords = map[string]bool{
	"INSERT": true, "REPLACE": true, "UPDATE": true, "DELETE": true,
	"CREATE": true, "DROP": true, "ALTER": true, "ATTACH": true, "DETACH": true,
	"VACUUM": true, "REINDEX": true, "ANALYZE": true,
	"BEGIN": true, "COMMIT": true, "END": true, "ROLLBACK": true, "SAVEPOINT": true, "RELEASE": true,
}

// authorize allows reading (SELECT, column reads, functions, recursive
// CTEs) and the read-only pragmas; it denies everything else: writes,
// schema changes, ATTACH and DETACH, transactions, other pragmas.
func authorize(action sqlite3.AuthorizerActionCode, name3rd, _, _, _ string) sqlite3.AuthorizerReturnCode {
	switch action {
	case sqlite3.AUTH_SELECT, sqlite3.AUTH_READ, sqlite3.AUTH_FUNCTION, sqlite3.AUTH_RECURSIVE:
		return sqlite3.AUTH_OK
	case sqlite3.AUTH_PRAGMA:
		if readOnlyPragmas[strings.ToLower(name3rd)] {
			return sqlite3.AUTH_OK
		}
	}
	return sqlite3.AUTH_DENY
}

// guard puts the read-only defences in place: PRAGMA query_only, then the
// authorizer (which would otherwise refuse the pragma).
func (r *Reader) guard() error {
	err := r.conn.Exec(`PRAGMA query_only=1`)
	if err == nil {
		err = r.conn.SetAuthorizer(authorize)
	}
	r.guarded = err == nil
	if err != nil {
		return fmt.Errorf("guard read-only connection: %w", err)
	}
	return nil
}

// unguard lifts the defences so that the reader can create its TEMP views.
func (r *Reader) unguard() error {
	r.guarded = false
	err := r.conn.SetAuthorizer(nil)
	if err == nil {
		err = r.conn.Exec(`PRAGMA query_only=0`)
	}
	if err != nil {
		return fmt.Errorf("unguard read-only connection: %w", err)
	}
	return nil
}

// Query runs one read-only statement with positional arguments (nil,
// string, []byte, int, int32, int64, uint32, float64, bool, time.Time) and
// streams its rows. It refuses, with a *ReadOnlyError, statements starting
// with a write keyword, more than one statement, any statement SQLite does
// not report read-only, and anything the authorizer denies. SQL errors carry SQLite's message. ctx interrupts
// the statement; Close the rows before the next Query.
func (r *Reader) Query(ctx context.Context, query string, args ...any) (*Rows, error) {
	if !r.guarded {
		return nil, errors.New("query: the read-only guard is not in place")
	}
	keyword := firstKeyword(query)
	if writeKeywords[keyword] {
		return nil, &ReadOnlyError{Statement: keyword}
	}
	if err := r.createViewsNamedIn(query); err != nil {
		return nil, err
	}
	stmt, tail, err := r.conn.Prepare(query)
	switch {
	case errors.Is(err, sqlite3.AUTH):
		return nil, &ReadOnlyError{Statement: keyword}
	case err != nil:
		return nil, err
	case stmt == nil:
		return nil, errors.New("query: empty statement")
	}
	if rest := skipTrivia(tail); rest != "" {
		stmt.Close()
		return nil, &ReadOnlyError{Statement: firstKeyword(rest), Multiple: true}
	}
	if !stmt.ReadOnly() {
		stmt.Close()
		return nil, &ReadOnlyError{Statement: keyword}
	}
	if err := bind(stmt, args); err != nil {
		stmt.Close()
		return nil, fmt.Errorf("query: %w", err)
	}
	cols := make([]string, stmt.ColumnCount())
	for i := range cols {
		cols[i] = stmt.ColumnName(i)
	}
	r.conn.SetInterrupt(ctx)
	return &Rows{Columns: cols, stmt: stmt, ctx: ctx}, nil
}

// Rows streams the result of Query:
//
//	for rows.Next() { use(rows.Values()) }
//	if err := rows.Err(); err != nil { ... }
//
// Values are int64, float64, string, []byte or nil.
type Rows struct {
	Columns []string
	stmt    *sqlite3.Stmt
	ctx     context.Context
	values  []any
	err     error
}

// Next advances to the next row; false at the end or on error (see Err).
// Rows close themselves at the end.
func (rs *Rows) Next() bool {
	if rs.stmt == nil {
		return false
	}
	if !rs.stmt.Step() {
		rs.fail(rs.stmt.Err())
		return false
	}
	rs.values = make([]any, len(rs.Columns))
	if err := rs.stmt.Columns(rs.values...); err != nil {
		rs.fail(err)
		return false
	}
	return true
}

// Values returns the current row. The slice is the caller's to keep.
func (rs *Rows) Values() []any { return rs.values }

// Err returns the error that ended the iteration, if any.
func (rs *Rows) Err() error { return rs.err }

// Close releases the statement. It is safe to call more than once.
func (rs *Rows) Close() error {
	if rs.stmt == nil {
		return nil
	}
	conn := rs.stmt.Conn()
	err := rs.stmt.Close()
	rs.stmt = nil
	conn.SetInterrupt(context.Background())
	return err
}

// fail records err (the context's error when it interrupted the statement)
// and closes the rows.
func (rs *Rows) fail(err error) {
	if errors.Is(err, sqlite3.INTERRUPT) && rs.ctx.Err() != nil {
		err = rs.ctx.Err()
	}
	rs.err = errors.Join(err, rs.Close())
}

// skipTrivia drops leading whitespace, semicolons and comments.
func skipTrivia(sql string) string {
	for {
		trimmed := strings.TrimLeft(sql, " \t\r\n\f;")
		switch {
		case strings.HasPrefix(trimmed, "--"):
			_, rest, found := strings.Cut(trimmed, "\n")
			if !found {
				return ""
			}
			sql = rest
		case strings.HasPrefix(trimmed, "/*"):
			_, rest, found := strings.Cut(trimmed[2:], "*/")
			if !found {
				return ""
			}
			sql = rest
		default:
			return trimmed
		}
	}
}

// firstKeyword returns the first word of sql, upper-cased ("STATEMENT" if
// it does not start with a word).
func firstKeyword(sql string) string {
	sql = skipTrivia(sql)
	end := strings.IndexFunc(sql, func(c rune) bool {
		return !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_')
	})
	if end < 0 {
		end = len(sql)
	}
	if end == 0 {
		return "STATEMENT"
	}
	return strings.ToUpper(sql[:end])
}
