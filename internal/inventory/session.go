// Package inventory runs a scan end to end: the AWS config whose calls the
// ledger records, the engine, and the store (a scan begun, then merged into
// the history or aborted). `awsmap` and `awsmap demo` both scan through it;
// the demo only answers the SDK in process instead of AWS.
package inventory

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/model"
	"github.com/awsmap/awsmap/internal/scan"
	"github.com/awsmap/awsmap/internal/store"
)

// Session is one scan: the config every collector calls AWS with, the
// ledger that config reports every call to, and the inventory it is
// stored in (if any).
type Session struct {
	Config aws.Config
	Ledger *scan.Ledger

	db *store.DB
	w  *store.Writer
}

// Open loads the AWS config for a scan with a fresh ledger as its observer
// (o.Observer is replaced).
func Open(ctx context.Context, o awsx.Options) (*Session, error) {
	ledger := scan.NewLedger()
	o.Observer = ledger
	cfg, err := awsx.LoadConfig(ctx, o)
	if err != nil {
		return nil, err
	}
	return &Session{Config: cfg, Ledger: ledger}, nil
}

// Store opens the inventory at path and begins a scan in it: Run merges
// what it finds into the history, or aborts it. Without Store, Run keeps
// nothing itself (an export-only scan).
func (s *Session) Store(path string, meta store.ScanMeta) error {
	db, err := store.Open(path)
	if err != nil {
		return err
	}
	w, err := db.BeginScan(meta)
	if err != nil {
		db.Close()
		return err
	}
	s.db, s.w = db, w
	return nil
}

// Outcome is what a session's run did.
type Outcome struct {
	Result scan.Result
	ScanID int64         // 0 when nothing was stored
	Stored time.Duration // merging into the inventory (or aborting), after collection
	Failed int           // collections that left a gap (see scan.Collection.Failed)
}

// Run scans plan in accounts, sending everything found to the inventory
// (see Store) and to also, when not nil (an export). The scan is merged
// into the history when it ran to the end, and aborted (the previous
// inventory untouched) when ctx was cancelled or a writer failed. The error
// is non-nil when a writer failed or the inventory could not be written.
func (s *Session) Run(ctx context.Context, accounts []scan.Account, plan scan.Plan, o scan.Options, also scan.Writer) (Outcome, error) {
	res, runErr := scan.Run(ctx, accounts, plan, sinks{store: s.w, also: also}, o)
	out := Outcome{Result: res}
	for _, c := range res.Collections {
		if c.Failed() {
			out.Failed++
		}
	}
	var err error
	if s.w != nil {
		out.ScanID = s.w.ScanID()
		rec := record(res, s.Ledger)
		start := time.Now()
		if ctx.Err() != nil || runErr != nil {
			err = s.w.Abort(rec)
		} else {
			err = s.w.Finish(rec)
		}
		out.Stored = time.Since(start)
		err = errors.Join(err, s.db.Close())
		s.db, s.w = nil, nil
	}
	if err == nil && runErr != nil {
		err = fmt.Errorf("storing the scan failed, nothing was changed: %w", runErr)
	}
	return out, err
}

// sinks implements scan.Writer: the store keeps everything (history must
// not retire what an export filter hid); also sees everything too.
type sinks struct {
	store *store.Writer
	also  scan.Writer
}

func (s sinks) Resource(r *model.Resource) error {
	if s.store != nil {
		if err := s.store.Add(r); err != nil {
			return err
		}
	}
	if s.also != nil {
		return s.also.Resource(r)
	}
	return nil
}

func (s sinks) Relationship(rel model.Relationship) error {
	if s.store != nil {
		if err := s.store.Relate(rel); err != nil {
			return err
		}
	}
	if s.also != nil {
		return s.also.Relationship(rel)
	}
	return nil
}

// record is what the store keeps of a run: its collections, the ledger,
// its accounts with their outcomes, and the status (partial when any
// collection failed).
func record(res scan.Result, ledger *scan.Ledger) store.ScanResult {
	sr := store.ScanResult{Status: store.StatusComplete, Duration: res.Duration}
	failed, ran := map[string]bool{}, map[string]bool{}
	for _, c := range res.Collections {
		if c.Failed() {
			sr.Status = store.StatusPartial
			failed[c.Account] = true
		}
		ran[c.Account] = ran[c.Account] || c.Outcome != awsx.Skipped
		sr.Collections = append(sr.Collections, store.Collection{
			AccountID: c.Account, Region: c.Region, Service: c.Service, Type: c.Type,
			Outcome: string(c.Outcome), Operation: c.Operation, ErrorCode: c.ErrorCode, ErrorMessage: c.ErrorMessage,
			Items: int64(c.Items), Duration: c.Duration,
		})
	}
	for _, c := range ledger.Rows() {
		sr.Calls = append(sr.Calls, store.APICall{
			AccountID: c.Account, Region: c.Region, Service: c.Service, Operation: c.Operation,
			Calls: int64(c.Calls), Pages: int64(c.Pages), Items: int64(c.Items), Retries: int64(c.Retries), Throttles: int64(c.Throttles), Errors: int64(c.Errors),
			Outcome: string(c.Outcome), ErrorCode: c.ErrorCode, ErrorMessage: c.ErrorMessage, Duration: c.Duration,
		})
	}
	for _, a := range res.Accounts {
		sr.Accounts = append(sr.Accounts, recordAccount(a, failed[a.ID], ran[a.ID]))
	}
	return sr
}

// recordAccount is the account's outcome: denied when it could not be
// reached, not scanned when the scan ended (Ctrl-C) before any of its
// collections ran, partial when one failed.
func recordAccount(a scan.Account, failed, ran bool) store.ScanAccount {
	sa := store.ScanAccount{ID: a.ID, Name: a.Name, Alias: a.Alias, OUPath: a.OUPath, OUNames: a.OUNames,
		Profile: a.Profile, RoleARN: a.RoleARN, Status: store.AccountOK}
	switch {
	case a.Err != nil:
		sa.Status, sa.ErrorCode, sa.ErrorMessage = store.AccountDenied, awsx.ErrorCode(a.Err), awsx.ErrorMessage(a.Err)
	case !ran:
		sa.Status = store.AccountNotScanned
	case failed:
		sa.Status = store.AccountPartial
	}
	return sa
}
