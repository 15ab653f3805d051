package audit

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/awsmap/awsmap/internal/model"
	"github.com/awsmap/awsmap/internal/store"
	"github.com/awsmap/awsmap/internal/suggest"
)

// UsageError is an error in what the user asked for (unknown names,
// parameters, accounts): the CLI maps it to exit code 2.
type UsageError struct{ Err error }

func (e *UsageError) Error() string { return e.Err.Error() }
func (e *UsageError) Unwrap() error { return e.Err }

func usage(err error) error { return &UsageError{Err: err} }

// IsUsage reports whether err is the user's mistake.
func IsUsage(err error) bool {
	var u *UsageError
	var ro *store.ReadOnlyError
	return errors.As(err, &u) || errors.As(err, &ro)
}

// Scope is where an audit runs: an inventory state and optional accounts.
type Scope struct {
	ScanID int64 // 0: the current state (the reader's UseScan must match)
	// Accounts are resolved account ids (store.Reader.ResolveAccounts);
	// nil for all.
	Accounts []string
	Now      time.Time // zero: time.Now()
	// Types describes every resource type (the CLI's catalog): where each
	// is collected, and which service names exist.
	Types model.Catalog
	// Ledger, when set (WithLedger), is the collection state of this scope
	// loaded once for many audits; nil loads it for each.
	Ledger *Ledger
}

// WithLedger returns s with the collection state of its audited scan and
// accounts loaded, for running many audits on one state.
func (s Scope) WithLedger(ctx context.Context, q Querier) (Scope, error) {
	scan, err := AuditedScan(ctx, q, s.ScanID)
	if err != nil {
		return s, err
	}
	s.Ledger, err = LoadLedger(ctx, q, scan, s.Accounts)
	return s, err
}

// gaps checks the completeness of reads at the merged scan scan.
func (s Scope) gaps(ctx context.Context, q Querier, reads []TypeRef, scan int64) ([]Gap, error) {
	if s.Ledger != nil && s.Ledger.scanID == scan {
		return s.Ledger.Gaps(s.Types, reads)
	}
	return Completeness(ctx, q, s.Types, reads, scan, s.Accounts)
}

func (s Scope) now() time.Time {
	if s.Now.IsZero() {
		return time.Now().UTC()
	}
	return s.Now.UTC()
}

// Result is the outcome of a named query.
type Result struct {
	Query      string   `json:"query"`
	Columns    []string `json:"-"`
	Rows       [][]any  `json:"-"`
	Incomplete []Gap    `json:"incomplete"`
}

// checkFilters validates the service and region filters against the
// catalog and the inventory.
func checkFilters(ctx context.Context, q Querier, types model.Catalog, f Filters) error {
	if f.Service != "" {
		known, err := strings1(ctx, q, `SELECT DISTINCT service FROM main.collection_versions ORDER BY 1`)
		if err != nil {
			return err
		}
		for _, s := range types.Services() {
			if !slices.Contains(known, s) {
				known = append(known, s)
			}
		}
		if !slices.Contains(known, f.Service) {
			return usage(suggest.Unknown("service", f.Service, known))
		}
	}
	if f.Region != "" {
		known, err := strings1(ctx, q, `SELECT DISTINCT region FROM main.collection_versions
			UNION SELECT DISTINCT region FROM main.resource_versions ORDER BY 1`)
		if err != nil {
			return err
		}
		if !validRegion(f.Region) || !slices.Contains(known, f.Region) {
			return usage(suggest.Unknown("region", f.Region, known))
		}
	}
	return nil
}

// Run runs named query qry with params in scope, and checks the
// completeness of what it reads.
func Run(ctx context.Context, q Querier, qry *Query, params map[string]string, scope Scope) (*Result, error) {
	b, err := Bind(qry, params, scope.now().Format(time.RFC3339), Filters{Accounts: scope.Accounts})
	if err != nil {
		return nil, usage(err)
	}
	f := Filters{Service: params["service"], Region: params["region"]}
	if err := checkFilters(ctx, q, scope.Types, f); err != nil {
		return nil, err
	}
	rows, err := q.Query(ctx, b.SQL, b.Args...)
	if err != nil {
		return nil, fmt.Errorf("query %s: %w", qry.Name, err)
	}
	defer rows.Close()
	res := &Result{Query: qry.Name, Columns: rows.Columns}
	for rows.Next() {
		res.Rows = append(res.Rows, rows.Values())
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("query %s: %w", qry.Name, err)
	}
	scan, err := AuditedScan(ctx, q, scope.ScanID)
	if err != nil {
		return nil, err
	}
	reads, err := expandReads(ctx, q, qry.Reads, scan)
	if err != nil {
		return nil, err
	}
	if f.Service != "" {
		reads = slices.DeleteFunc(slices.Clone(reads), func(r TypeRef) bool { return r.Service != f.Service })
	}
	gaps, err := scope.gaps(ctx, q, reads, scan)
	if err != nil {
		return nil, err
	}
	if f.Region != "" {
		gaps = slices.DeleteFunc(gaps, func(g Gap) bool {
			return g.Region != f.Region && g.Region != "global" && g.Region != "*"
		})
	}
	res.Incomplete = gaps
	if res.Incomplete == nil {
		res.Incomplete = []Gap{}
	}
	return res, nil
}

// Objects returns the rows as column → value maps (JSON text columns
// stay text).
func (r *Result) Objects() []map[string]any {
	out := make([]map[string]any, len(r.Rows))
	for i, row := range r.Rows {
		m := make(map[string]any, len(row))
		for j, c := range r.Columns {
			m[c] = row[j]
		}
		out[i] = m
	}
	return out
}

// checkColumns reports whether cols start with LeadingColumns.
func checkColumns(cols []string) error {
	if len(cols) < len(LeadingColumns) || !slices.Equal(cols[:len(LeadingColumns)], LeadingColumns) {
		return fmt.Errorf("columns %s do not start with %s", strings.Join(cols, ", "), strings.Join(LeadingColumns, ", "))
	}
	return nil
}

// expandReads replaces AllTypes with every type collected at or before
// scanID.
func expandReads(ctx context.Context, q Querier, reads []TypeRef, scanID int64) ([]TypeRef, error) {
	i := slices.Index(reads, AllTypes)
	if i < 0 {
		return reads, nil
	}
	rows, err := q.Query(ctx, `SELECT DISTINCT service, type FROM main.collection_versions
		WHERE first_scan <= ?1 ORDER BY 1, 2`, scanID)
	if err != nil {
		return nil, fmt.Errorf("collected types: %w", err)
	}
	defer rows.Close()
	out := slices.Delete(slices.Clone(reads), i, i+1)
	for rows.Next() {
		out = append(out, TypeRef{store.Text(rows.Values()[0]), store.Text(rows.Values()[1])})
	}
	return out, rows.Err()
}
