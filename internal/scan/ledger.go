package scan

import (
	"context"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/awsmap/awsmap/internal/awsx"
)

// CallStats is one ledger row: every call of one operation on one endpoint.
type CallStats struct {
	Account, Region, Service, Operation string
	Calls, Pages, Items                 int // pages and items: see awsx.Call
	Retries, Throttles, Errors          int
	Outcome                             awsx.Outcome // the worst outcome seen
	ErrorCode, ErrorMessage             string       // of the worst failure
	Duration                            time.Duration
}

type ledgerKey struct {
	account, region, service, operation string
}

// Ledger records the outcome of every API call and applies rate control; it
// is the awsx.Observer of a scan.
type Ledger struct {
	rc    *rateControl
	mu    sync.Mutex
	rows  map[ledgerKey]*CallStats
	calls atomic.Int64
	fails atomic.Int64
}

// NewLedger returns an empty ledger with per-endpoint rate control.
func NewLedger() *Ledger {
	return &Ledger{rc: newRateControl(startRate), rows: map[ledgerKey]*CallStats{}}
}

// Wait implements awsx.Observer.
func (l *Ledger) Wait(ctx context.Context, e awsx.Endpoint) error { return l.rc.wait(ctx, e) }

// Attempt implements awsx.Observer.
func (l *Ledger) Attempt(e awsx.Endpoint, throttled bool) { l.rc.adjust(e, throttled) }

// Done implements awsx.Observer.
func (l *Ledger) Done(c awsx.Call) {
	outcome := awsx.Classify(c.Err)
	l.calls.Add(1)
	if outcome != awsx.OK && outcome != awsx.NotFound {
		l.fails.Add(1)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	k := ledgerKey{c.Account, c.Region, c.Collector, c.Operation}
	row, ok := l.rows[k]
	if !ok {
		row = &CallStats{Account: c.Account, Region: c.Region, Service: c.Collector, Operation: c.Operation, Outcome: awsx.OK}
		l.rows[k] = row
	}
	row.Calls++
	if c.Page {
		row.Pages++
		row.Items += c.Items
	}
	row.Retries += max(c.Attempts-1, 0)
	row.Throttles += c.Throttles
	row.Duration += c.Duration
	if c.Err != nil {
		row.Errors++
	}
	if outcome.Severity() > row.Outcome.Severity() {
		row.Outcome = outcome
		row.ErrorCode = awsx.ErrorCode(c.Err)
		row.ErrorMessage = awsx.ErrorMessage(c.Err)
	}
}

// Calls is the number of API calls made so far.
func (l *Ledger) Calls() int64 { return l.calls.Load() }

// Failures is the number of calls that ended in an error other than not-found.
func (l *Ledger) Failures() int64 { return l.fails.Load() }

// CallsTo counts the calls made so far in account by the collections of
// service (an awsmap service) in region, or in every region when region is "".
func (l *Ledger) CallsTo(account, region, service string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := 0
	for k, r := range l.rows {
		if k.account == account && k.service == service && (region == "" || k.region == region) {
			n += r.Calls
		}
	}
	return n
}

// Rows returns the ledger sorted by service, region, operation.
func (l *Ledger) Rows() []CallStats {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := make([]CallStats, 0, len(l.rows))
	for _, r := range l.rows {
		out = append(out, *r)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Service != b.Service {
			return a.Service < b.Service
		}
		if a.Region != b.Region {
			return a.Region < b.Region
		}
		if a.Account != b.Account {
			return a.Account < b.Account
		}
		return a.Operation < b.Operation
	})
	return out
}
