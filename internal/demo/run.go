package demo

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/collect/all"
	"github.com/awsmap/awsmap/internal/model"
	"github.com/awsmap/awsmap/internal/scan"
	"github.com/awsmap/awsmap/internal/store"
)

// ScanResult is one scan of the estate through the real engine.
type ScanResult struct {
	Result    scan.Result
	Ledger    *scan.Ledger
	Responder *Responder
	ScanID    int64
	Failed    int // collections that did not end ok/not_found
}

// ScanOptions configure ScanInto.
type ScanOptions struct {
	Serve    ServeOptions
	Workers  int                // default scan.DefaultWorkers
	Services []*collect.Service // default: the whole registry
	Meta     map[string]any     // recorded with the scan
	Version  string             // tool version recorded with the scan
	Progress scan.Progress      // may be nil
}

// ScanInto scans view into the inventory at path exactly as a scan of AWS
// does (awsx.LoadConfig with the ledger as observer, scan.Run over every
// account, the store's writer and merge); only the SDK's network round trip
// is replaced by the estate.
func ScanInto(ctx context.Context, path string, view *View, o ScanOptions) (ScanResult, error) {
	if o.Services == nil {
		o.Services = all.Services()
	}
	ledger := scan.NewLedger()
	resp := NewResponder(view, o.Serve)
	var backoff time.Duration
	if o.Serve.Throttle > 0 {
		backoff = time.Second // realistic, bounded
	}
	cfg, err := awsx.LoadConfig(ctx, awsx.Options{Region: awsx.DefaultRegion, Responder: resp, Observer: ledger, MaxBackoff: backoff})
	if err != nil {
		return ScanResult{}, err
	}
	regions := slices.Sorted(slices.Values(Regions)) // plans hold sorted regions
	plan := scan.NewPlan(o.Services, regions, false, true)
	var accounts []scan.Account
	var ids, names []string
	for _, a := range Accounts {
		accounts = append(accounts, scan.Account{ID: a.ID, Config: cfg})
		ids = append(ids, a.ID)
	}
	for _, s := range o.Services {
		names = append(names, s.Name)
	}
	db, err := store.Open(path)
	if err != nil {
		return ScanResult{}, err
	}
	meta := map[string]any{"demo": true, "size": view.Size(), "scan": view.Number()}
	for k, v := range o.Meta {
		meta[k] = v
	}
	w, err := db.BeginScan(store.ScanMeta{AccountID: strings.Join(ids, ","), AccountAlias: "demo", Profile: "demo",
		Regions: regions, Services: names, ToolVersion: o.Version, Options: meta})
	if err != nil {
		db.Close()
		return ScanResult{}, err
	}
	res, runErr := scan.Run(ctx, accounts, plan, writer{w}, scan.Options{Workers: o.Workers, Local: true, Progress: o.Progress})
	sr := storeResult(res, ledger)
	out := ScanResult{Result: res, Ledger: ledger, Responder: resp, ScanID: w.ScanID()}
	if sr.Status == "partial" {
		for _, c := range sr.Collections {
			if c.Outcome != string(awsx.OK) && c.Outcome != string(awsx.NotFound) {
				out.Failed++
			}
		}
	}
	if ctx.Err() != nil || runErr != nil {
		err = w.Abort(sr)
	} else {
		err = w.Finish(sr)
	}
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if runErr != nil {
		return out, fmt.Errorf("storing the demo scan failed: %w", runErr)
	}
	return out, err
}

type writer struct{ w *store.Writer }

func (w writer) Resource(r *model.Resource) error          { return w.w.Add(r) }
func (w writer) Relationship(rel model.Relationship) error { return w.w.Relate(rel) }

// storeResult is the same conversion the scan command makes (cli.storeResult).
func storeResult(res scan.Result, ledger *scan.Ledger) store.ScanResult {
	sr := store.ScanResult{Status: "complete", Duration: res.Duration}
	for _, c := range res.Collections {
		if c.Outcome != awsx.OK && c.Outcome != awsx.NotFound {
			sr.Status = "partial"
		}
		sr.Collections = append(sr.Collections, store.Collection{
			AccountID: c.Account, Region: c.Region, Service: c.Service, Type: c.Type,
			Outcome: string(c.Outcome), Operation: c.Operation, ErrorCode: c.ErrorCode, ErrorMessage: c.ErrorMessage,
			Items: int64(c.Items), Duration: c.Duration,
		})
	}
	for _, c := range ledger.Rows() {
		sr.Calls = append(sr.Calls, store.APICall{
			AccountID: c.Account, Region: c.Region, Service: c.Service, Operation: c.Operation,
			Calls: int64(c.Calls), Retries: int64(c.Retries), Throttles: int64(c.Throttles), Errors: int64(c.Errors),
			Outcome: string(c.Outcome), ErrorCode: c.ErrorCode, ErrorMessage: c.ErrorMessage, Duration: c.Duration,
		})
	}
	return sr
}
