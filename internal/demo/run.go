package demo

import (
	"context"
	"fmt"
	"slices"
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
	Failed    int           // collections that did not end ok/not_found
	Stored    time.Duration // merging the scan into the inventory, after collection
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
	// The estate is an organization: its accounts are found and reached
	// as `awsmap --org` finds and reaches them, from the management account.
	mgmt := awsx.Identity{Account: Accounts[0].ID, Alias: Accounts[0].Alias}
	accounts, err := scan.SelectAccounts(ctx, cfg, mgmt, "demo", scan.Selection{Org: true})
	if err != nil {
		return ScanResult{}, err
	}
	var names []string
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
	w, err := db.BeginScan(store.ScanMeta{Profile: "demo",
		Regions: regions, Services: names, ToolVersion: o.Version, Options: meta})
	if err != nil {
		db.Close()
		return ScanResult{}, err
	}
	res, runErr := scan.Run(ctx, accounts, plan, writer{w}, scan.Options{Workers: o.Workers, Local: true, Progress: o.Progress})
	sr := scan.Record(res, ledger)
	out := ScanResult{Result: res, Ledger: ledger, Responder: resp, ScanID: w.ScanID()}
	for _, c := range res.Collections {
		if c.Failed() {
			out.Failed++
		}
	}
	stored := time.Now()
	if ctx.Err() != nil || runErr != nil {
		err = w.Abort(sr)
	} else {
		err = w.Finish(sr)
	}
	out.Stored = time.Since(stored)
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
