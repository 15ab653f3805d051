package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/ncruces/go-sqlite3"

	"github.com/awsmap/awsmap/internal/model"
)

// Scan statuses (scans.status).
const (
	StatusRunning  = "running"
	StatusComplete = "complete"
	StatusPartial  = "partial"
	StatusAborted  = "aborted"
)

// Outcomes of a collection or of the API calls of one operation.
// Only OutcomeOK and OutcomePartial vouch for a collection: they allow the
// merge to retire the resources it no longer returned.
const (
	OutcomeOK          = "ok"
	OutcomePartial     = "partial"
	OutcomeDenied      = "denied"
	OutcomeThrottled   = "throttled"
	OutcomeUnsupported = "unsupported"
	OutcomeNotFound    = "not_found"
	OutcomeError       = "error"
	OutcomeSkipped     = "skipped"
)

// ScanMeta describes a scan as it starts.
type ScanMeta struct {
	// AccountID, AccountAlias and Profile name the account of a
	// single-account scan; a scan of several accounts leaves AccountID and
	// AccountAlias empty and lists them in ScanResult.Accounts.
	AccountID    string
	AccountAlias string
	Profile      string
	Regions      []string // requested regions
	Services     []string // requested services
	ToolVersion  string
	Options      map[string]any // command-line options worth recording
}

// ScanResult is what the engine reports when a scan ends.
type ScanResult struct {
	Status      string // StatusComplete or StatusPartial; ignored by Abort
	Collections []Collection
	Calls       []APICall
	// Accounts are the accounts the scan covered, with their outcomes
	// (scan_accounts); empty for a single-account scan means ScanMeta's.
	Accounts []ScanAccount
	Duration time.Duration // 0: measured from BeginScan
}

// Collection is one attempt to list one resource type in one account and
// region (a row of the collections table). Region may be model.AllRegions
// when one call covers every region of the account.
type Collection struct {
	AccountID    string
	Region       string
	Service      string
	Type         string
	Outcome      string // one of the Outcome constants
	Operation    string // the API operation that decided the outcome
	ErrorCode    string
	ErrorMessage string
	Items        int64
	Duration     time.Duration
}

// APICall aggregates the calls of one operation against one endpoint during
// a scan (a row of the api_calls ledger).
type APICall struct {
	AccountID    string
	Region       string
	Service      string
	Operation    string
	Calls        int64
	Pages        int64
	Items        int64
	Retries      int64
	Throttles    int64
	Errors       int64
	Outcome      string // one of the Outcome constants
	ErrorCode    string
	ErrorMessage string
	Duration     time.Duration
}

// Writer records one scan. Resources and relationships are staged in TEMP
// tables of the writer's connection (the inventory file does not grow by the
// staged copy, and a crash loses only this scan) until Finish merges them
// into the history. It is meant for a single goroutine.
type Writer struct {
	db      *DB
	meta    ScanMeta
	id      int64
	started time.Time
	res     *batchInsert // into staged_resources
	rel     *batchInsert // into staged_relationships
	tags    jsonBuffer
	details jsonBuffer
	added   int64 // resources added, duplicates included
	guessed int   // edges staged with a guessed target (resolveGuesses)
	pending int   // rows staged in the open staging transaction
	failed  error // a staging failure: the scan can only be aborted
	done    bool
}

// BeginScan records a running scan (with this process's pid and host) and
// prepares its staging tables. One scan at a time per DB.
func (db *DB) BeginScan(meta ScanMeta) (*Writer, error) {
	if db.active != nil {
		return nil, fmt.Errorf("begin scan: scan %d is still in progress", db.active.id)
	}
	if err := checkAccounts(meta, nil); err != nil {
		return nil, fmt.Errorf("begin scan: %w", err)
	}
	w := &Writer{db: db, meta: meta, started: time.Now()}
	if err := w.prepareStaging(); err != nil {
		return nil, errors.Join(fmt.Errorf("begin scan: %w", err), w.release())
	}
	id, err := insertScan(db.conn, meta, w.started)
	if err != nil {
		return nil, errors.Join(fmt.Errorf("begin scan: %w", err), w.release())
	}
	w.id = id
	db.active = w
	return w, nil
}

func insertScan(conn *sqlite3.Conn, meta ScanMeta, started time.Time) (int64, error) {
	regions, err := jsonText(meta.Regions, "[]")
	if err != nil {
		return 0, fmt.Errorf("regions: %w", err)
	}
	services, err := jsonText(meta.Services, "[]")
	if err != nil {
		return 0, fmt.Errorf("services: %w", err)
	}
	options, err := jsonText(meta.Options, "{}")
	if err != nil {
		return 0, fmt.Errorf("options: %w", err)
	}
	var id int64
	err = inImmediate(conn, mergePatience, func() error {
		err := execSQL(conn, `INSERT INTO scans (started_at, status, account_id, account_alias, profile,
				regions, services, tool_version, options, pid, host)
			VALUES (?, 'running', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			formatTime(started), nullable(meta.AccountID), nullable(meta.AccountAlias),
			nullable(meta.Profile), regions, services, nullable(meta.ToolVersion), options,
			os.Getpid(), nullable(hostname()))
		id = conn.LastInsertRowID()
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("record scan: %w", err)
	}
	return id, nil
}

// jsonText encodes v as JSON, or returns empty when v is nil.
func jsonText[T any](v T, empty string) (string, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return "", err
	}
	if string(b) == "null" {
		return empty, nil
	}
	return string(b), nil
}

// ScanID returns the scan's id. Finish may renumber the scan so that merges
// happen in id order; the id is final once Finish returns.
func (w *Writer) ScanID() int64 { return w.id }

// Add stages a resource. A later Add of the same key replaces it.
func (w *Writer) Add(r *model.Resource) error {
	if err := w.usable(); err != nil {
		return err
	}
	if err := checkKey(r.Key); err != nil {
		return fmt.Errorf("add resource %s: %w", r.Key, err)
	}
	tags, err := w.tags.encode(r.Tags)
	if err != nil {
		return fmt.Errorf("add resource %s: tags: %w", r.Key, err)
	}
	details, err := w.details.encode(r.Details)
	if err != nil {
		return fmt.Errorf("add resource %s: details: %w", r.Key, err)
	}
	b := w.res
	err = errors.Join(
		b.key(keyHash(fnvOffset64, r.Key)),
		b.text(1, r.Account), b.text(2, r.Region), b.text(3, r.Service), b.text(4, r.Type), b.text(5, r.ID),
		b.optional(6, r.ARN), b.optional(7, r.Name), b.optional(8, r.CreatedAt),
		b.bool(9, r.IsDefault), b.rawText(10, tags), b.rawText(11, details),
		b.int(12, resourceHash(r, tags, details)),
	)
	if err == nil {
		err = w.staged(b)
	}
	if err != nil {
		return fmt.Errorf("add resource %s: %w", r.Key, err)
	}
	w.added++
	return nil
}

// Relate stages a relationship. Duplicate edges collapse into one.
func (w *Writer) Relate(rel model.Relationship) error {
	if err := w.usable(); err != nil {
		return err
	}
	err := errors.Join(checkKey(rel.From), checkKey(rel.To))
	if rel.Kind == "" {
		err = errors.Join(err, errors.New("empty kind"))
	}
	if err != nil {
		return relateError(rel, err)
	}
	b := w.rel
	err = errors.Join(
		b.key(edgeHash(rel)),
		b.text(1, rel.From.Account), b.text(2, rel.From.Region), b.text(3, rel.From.Service),
		b.text(4, rel.From.Type), b.text(5, rel.From.ID), b.text(6, rel.Kind),
		b.text(7, rel.To.Account), b.text(8, rel.To.Region), b.text(9, rel.To.Service),
		b.text(10, rel.To.Type), b.text(11, rel.To.ID), b.bool(12, rel.ToGuessed),
	)
	if err == nil {
		err = w.staged(b)
	}
	if err != nil {
		return relateError(rel, err)
	}
	if rel.ToGuessed {
		w.guessed++
	}
	return nil
}

// relateError names the edge only when Relate fails: a name per edge
// staged would cost an allocation each.
func relateError(rel model.Relationship, err error) error {
	return fmt.Errorf("relate %s -%s-> %s: %w", rel.From, rel.Kind, rel.To, err)
}

// checkKey rejects keys with empty parts, and the AllRegions marker, which
// belongs to collections only.
func checkKey(k model.Key) error {
	if k.Account == "" || k.Region == "" || k.Service == "" || k.Type == "" || k.ID == "" {
		return errors.New("incomplete key (account, region, service, type and id are required)")
	}
	if k.Region == model.AllRegions {
		return fmt.Errorf("region %q is not a resource region", model.AllRegions)
	}
	return nil
}

func (w *Writer) usable() error {
	if w.done {
		return fmt.Errorf("scan %d is already finished", w.id)
	}
	return nil
}

// Finish merges the staged scan into the history in one IMMEDIATE
// transaction, writes the collections and the API-call ledger, and marks the
// scan complete or partial. See merge for the rules. If another scan that
// started later has merged meanwhile, this scan is renumbered first, so that
// history intervals follow scan ids. On error the scan stays running and
// staged: Finish may be retried, or the scan aborted.
func (w *Writer) Finish(res ScanResult) error {
	if err := w.usable(); err != nil {
		return err
	}
	if w.failed != nil {
		return fmt.Errorf("finish scan %d: staging failed, abort the scan: %w", w.id, w.failed)
	}
	if res.Status != StatusComplete && res.Status != StatusPartial {
		return fmt.Errorf("finish scan %d: status %q is neither %q nor %q",
			w.id, res.Status, StatusComplete, StatusPartial)
	}
	accounts := accountsOf(w.meta, res)
	if err := checkAccounts(w.meta, accounts); err != nil {
		return fmt.Errorf("finish scan %d: %w", w.id, err)
	}
	if err := w.commitStaging(); err != nil {
		return fmt.Errorf("finish scan %d: %w", w.id, err)
	}
	conn := w.db.conn
	if w.guessed > 0 {
		if err := resolveGuesses(conn, w.rel); err != nil {
			return fmt.Errorf("finish scan %d: %w", w.id, err)
		}
	}
	if err := prepareStaged(conn, w.res, w.rel); err != nil {
		return fmt.Errorf("finish scan %d: %w", w.id, err)
	}
	id := w.id
	err := inImmediate(conn, mergePatience, func() error {
		var err error
		if id, err = claimLatestID(conn, w.id); err != nil {
			return err
		}
		if err := writeLedger(conn, id, res); err != nil {
			return err
		}
		if err := writeAccounts(conn, id, accounts, true); err != nil {
			return err
		}
		if err := merge(conn, id); err != nil {
			return err
		}
		resources, err := queryInt64(conn, `SELECT count(*) FROM temp.staged_resources`)
		if err != nil {
			return fmt.Errorf("count staged resources: %w", err)
		}
		return closeScan(conn, id, res.Status, resources, w.duration(res))
	})
	if err != nil {
		return fmt.Errorf("finish scan %d: %w", w.id, err)
	}
	w.id = id
	// Refresh the planner's statistics when the tables changed much (they
	// steer, e.g., full reads of resources to a table scan). Statistics are
	// only a hint: if this fails (busy), the previous ones stay.
	_ = conn.Exec(`PRAGMA optimize=0x10002`)
	return w.release()
}

// Abort marks the scan aborted, keeps its ledger (collections and API
// calls) and leaves the history untouched. The writer is released even when
// recording fails; the scan row is then recovered by a later Open.
func (w *Writer) Abort(res ScanResult) error {
	if err := w.usable(); err != nil {
		return err
	}
	conn := w.db.conn
	var rollback error
	if !conn.GetAutocommit() {
		rollback = conn.Exec(`ROLLBACK`)
	}
	id := w.id
	err := inImmediate(conn, mergePatience, func() error {
		var err error
		if id, err = claimLatestID(conn, w.id); err != nil { // ledgers are written in id order
			return err
		}
		if err := writeLedger(conn, id, res); err != nil {
			return err
		}
		if err := writeAccounts(conn, id, accountsOf(w.meta, res), false); err != nil {
			return err
		}
		return closeScan(conn, id, StatusAborted, w.added, w.duration(res))
	})
	w.id = id
	if err = errors.Join(rollback, err); err != nil {
		err = fmt.Errorf("abort scan %d: %w", w.id, err)
	}
	return errors.Join(err, w.release())
}

func (w *Writer) duration(res ScanResult) time.Duration {
	if res.Duration > 0 {
		return res.Duration
	}
	return time.Since(w.started)
}
