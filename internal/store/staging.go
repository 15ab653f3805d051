package store

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/ncruces/go-sqlite3"
)

const (
	// stageRows is the number of rows one staging statement inserts:
	// multi-row statements halve the cost per row.
	stageRows = 64
	// stagingBatch is the number of rows per staging transaction.
	stagingBatch = 64 * stageRows
)

// stagingSchema holds a scan's rows until the merge: append-only tables
// (no index to maintain while collectors stream), carrying the key hashes
// computed in Go. Finish indexes them in bulk and removes duplicates.
const stagingSchema = `
DROP TABLE IF EXISTS temp.staged_resources;
DROP TABLE IF EXISTS temp.staged_relationships;
CREATE TEMP TABLE staged_resources (
	khash      INTEGER NOT NULL,
	account_id TEXT NOT NULL,
	region     TEXT NOT NULL,
	service    TEXT NOT NULL,
	type       TEXT NOT NULL,
	id         TEXT NOT NULL,
	arn        TEXT,
	name       TEXT,
	created_at TEXT,
	is_default INTEGER NOT NULL,
	tags       TEXT NOT NULL,
	details    TEXT NOT NULL,
	hash       INTEGER NOT NULL
);
CREATE TEMP TABLE staged_relationships (
	ekey            INTEGER NOT NULL,
	from_account_id TEXT NOT NULL,
	from_region     TEXT NOT NULL,
	from_service    TEXT NOT NULL,
	from_type       TEXT NOT NULL,
	from_id         TEXT NOT NULL,
	kind            TEXT NOT NULL,
	to_account_id   TEXT NOT NULL,
	to_region       TEXT NOT NULL,
	to_service      TEXT NOT NULL,
	to_type         TEXT NOT NULL,
	to_id           TEXT NOT NULL,
	guessed         INTEGER NOT NULL -- model.Relationship.ToGuessed
);`

const dropStagingSQL = `DROP TABLE IF EXISTS temp.staged_resources;
	DROP TABLE IF EXISTS temp.staged_relationships;`

// batchInsert inserts rows into a staging table stageRows at a time. Each
// row is bound into the next slot of one multi-row statement, which runs
// when every slot is bound; a partial batch runs with the first column of
// its unused slots set to NULL, which the statement filters out.
type batchInsert struct {
	table string
	stmt  *sqlite3.Stmt
	cols  int
	rows  int // rows bound since the statement last ran
	// keys are the key hashes of the rows staged (column 0): Finish looks
	// for duplicates in SQL only where one repeats.
	keys []int64
}

func newBatchInsert(conn *sqlite3.Conn, table string, cols int) (*batchInsert, error) {
	row := "(" + strings.Repeat("?, ", cols-1) + "?)"
	rows := strings.Repeat(row+", ", stageRows-1) + row
	stmt, _, err := conn.Prepare(fmt.Sprintf(
		`INSERT INTO temp.%s SELECT * FROM (VALUES %s) WHERE column1 IS NOT NULL`, table, rows))
	if err != nil {
		return nil, fmt.Errorf("prepare staging of %s: %w", table, err)
	}
	return &batchInsert{table: table, stmt: stmt, cols: cols}, nil
}

// key binds the row's key hash to column 0 and remembers it.
func (b *batchInsert) key(h int64) error {
	b.keys = append(b.keys, h)
	return b.int(0, h)
}

// repeats returns the key hashes staged more than once, each once.
func (b *batchInsert) repeats() []int64 {
	slices.Sort(b.keys)
	var out []int64
	for i := 1; i < len(b.keys); i++ {
		if b.keys[i] == b.keys[i-1] && (len(out) == 0 || out[len(out)-1] != b.keys[i]) {
			out = append(out, b.keys[i])
		}
	}
	return out
}

// param is the parameter index of column col of the row being bound.
func (b *batchInsert) param(col int) int { return b.rows*b.cols + col + 1 }

func (b *batchInsert) int(col int, v int64) error   { return b.stmt.BindInt64(b.param(col), v) }
func (b *batchInsert) bool(col int, v bool) error   { return b.stmt.BindBool(b.param(col), v) }
func (b *batchInsert) text(col int, v string) error { return b.stmt.BindText(b.param(col), v) }

func (b *batchInsert) rawText(col int, v []byte) error {
	return b.stmt.BindRawText(b.param(col), v)
}

// optional binds an empty string as NULL.
func (b *batchInsert) optional(col int, v string) error {
	if v == "" {
		return b.stmt.BindNull(b.param(col))
	}
	return b.text(col, v)
}

// exec inserts the rows bound so far. The batch is empty afterwards, even
// on error.
func (b *batchInsert) exec() error {
	var err error
	for r := b.rows; r < stageRows; r++ {
		err = errors.Join(err, b.stmt.BindNull(r*b.cols+1))
	}
	b.rows = 0
	if err != nil {
		return err
	}
	return b.stmt.Exec()
}

// Close finalizes the statement; it is safe on a nil batch.
func (b *batchInsert) Close() error {
	if b == nil {
		return nil
	}
	return b.stmt.Close()
}

// prepareStaging creates the staging tables and their insert statements.
func (w *Writer) prepareStaging() error {
	conn := w.db.conn
	if err := conn.Exec(stagingSchema); err != nil {
		return fmt.Errorf("create staging tables: %w", err)
	}
	var err error
	if w.res, err = newBatchInsert(conn, "staged_resources", 13); err != nil {
		return err
	}
	w.rel, err = newBatchInsert(conn, "staged_relationships", 13)
	return err
}

// staged counts the row just bound into b, inserting the batch when it is
// full and committing the staging transaction every stagingBatch rows.
func (w *Writer) staged(b *batchInsert) error {
	if b.rows++; b.rows < stageRows {
		return nil
	}
	if err := w.execBatch(b); err != nil {
		return err
	}
	if w.pending >= stagingBatch {
		return w.commitStaging()
	}
	return nil
}

// execBatch inserts the rows bound into b inside the staging transaction.
// A failure is remembered: the scan has lost rows and may only be aborted.
func (w *Writer) execBatch(b *batchInsert) error {
	if b.rows == 0 {
		return nil
	}
	n := b.rows
	var err error
	if w.db.conn.GetAutocommit() {
		err = w.db.conn.Exec(`BEGIN`)
	}
	if err == nil {
		err = b.exec()
	}
	if err != nil {
		b.rows = 0
		w.failed = fmt.Errorf("stage: %w", err)
		return w.failed
	}
	w.pending += n
	return nil
}

// commitStaging inserts the partial batches and commits the staging
// transaction, if any.
func (w *Writer) commitStaging() error {
	if err := errors.Join(w.execBatch(w.res), w.execBatch(w.rel)); err != nil {
		return err
	}
	if w.db.conn.GetAutocommit() {
		return nil
	}
	if err := w.db.conn.Exec(`COMMIT`); err != nil {
		w.failed = fmt.Errorf("commit staging: %w", err)
		return w.failed
	}
	w.pending = 0
	return nil
}

// release drops the staging tables and detaches the writer from its DB.
func (w *Writer) release() error {
	w.done = true
	if w.db.active == w {
		w.db.active = nil
	}
	err := errors.Join(w.res.Close(), w.rel.Close(), w.db.conn.Exec(dropStagingSQL))
	if err != nil {
		return fmt.Errorf("drop staging: %w", err)
	}
	return nil
}
