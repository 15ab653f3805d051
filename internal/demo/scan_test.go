package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/awsmap/awsmap/internal/collect/all"
	"github.com/awsmap/awsmap/internal/inventory"
	"github.com/awsmap/awsmap/internal/model"
	"github.com/awsmap/awsmap/internal/scan"
	"github.com/awsmap/awsmap/internal/store"
)

// scanResult is one scan of the estate through the ordinary pipeline.
type scanResult struct {
	inventory.Outcome
	Ledger    *scan.Ledger
	Responder *Responder
}

type scanOptions struct {
	Serve   ServeOptions
	Workers int      // default scan.DefaultWorkers
	Regions []string // default: every region of the estate
}

// fewRegions keep a scan of every type quick, for tests whose checks do not
// need every type to hold data (comparing two scans, the organization
// path): most of a scan's collections are regional.
var fewRegions = []string{"eu-west-1", "us-east-1"}

// scanInto scans view into the inventory at path as `awsmap demo` does.
func scanInto(ctx context.Context, path string, view *View, o scanOptions) (scanResult, error) {
	tg := view.Target(o.Serve)
	if tg.AWS.MaxBackoff > 0 { // throttled: retry after milliseconds, not the demo's realistic second
		tg.AWS.MaxBackoff = 20 * time.Millisecond
	}
	sess, err := inventory.Open(ctx, tg.AWS)
	if err != nil {
		return scanResult{}, err
	}
	if err := sess.Store(path, store.ScanMeta{Profile: "demo"}); err != nil {
		return scanResult{}, err
	}
	accounts, err := tg.Accounts(ctx, sess.Config)
	if err != nil {
		return scanResult{}, err
	}
	declared := declaredOnly{}
	out, err := sess.Run(ctx, accounts, tg.Plan(all.Services(), o.Regions...), scan.Options{Workers: o.Workers, Local: true}, declared)
	return scanResult{Outcome: out, Ledger: sess.Ledger, Responder: tg.Responder}, err
}

// declaredOnly fails a scan that records a relationship no collector declares.
type declaredOnly struct{}

func (declaredOnly) Resource(*model.Resource) error { return nil }

func (declaredOnly) Relationship(rel model.Relationship) error {
	for _, s := range all.Services() {
		if s.Declares(rel) {
			return nil
		}
	}
	return fmt.Errorf("%s/%s -%s-> %s/%s is not declared in the collector's Relations",
		rel.From.Service, rel.From.Type, rel.Kind, rel.To.Service, rel.To.Type)
}
