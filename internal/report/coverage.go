package report

import (
	"context"
	"fmt"

	"github.com/awsmap/awsmap/internal/store"
)

// Coverage is what the shown scan collected: one row per collection
// (account, region, service, type, outcome, operation, error code, error
// message, items) and per API operation (account, region, service,
// operation, calls, pages, items, retries, throttles, errors, outcome,
// error code, error message).
type Coverage struct {
	Collections [][]any `json:"collections"`
	Calls       [][]any `json:"calls"`
}

func readCoverage(ctx context.Context, r *store.Reader, accounts []string) (Coverage, error) {
	var c Coverage
	var err error
	where, list := store.InAccounts("account_id", 1), store.AccountList(accounts)
	c.Collections, err = readRows(ctx, r, `SELECT account_id, region, service, type, outcome,
			coalesce(operation, ''), coalesce(error_code, ''), coalesce(error_message, ''), items
		FROM coverage WHERE `+where+` ORDER BY account_id, region, service, type`, list)
	if err != nil {
		return c, fmt.Errorf("report: read coverage: %w", err)
	}
	// api_calls is not shadowed by UseScan: take the coverage view's scan.
	c.Calls, err = readRows(ctx, r, `SELECT account_id, region, service, operation, calls, pages, items,
			retries, throttles, errors, outcome, coalesce(error_code, ''), coalesce(error_message, '')
		FROM api_calls WHERE scan_id = (SELECT max(scan_id) FROM coverage) AND `+where+`
		ORDER BY account_id, region, service, operation`, list)
	if err != nil {
		return c, fmt.Errorf("report: read API calls: %w", err)
	}
	return c, nil
}

func readRows(ctx context.Context, r *store.Reader, sql string, args ...any) ([][]any, error) {
	rows, err := r.Query(ctx, sql, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := [][]any{}
	for rows.Next() {
		out = append(out, rows.Values())
	}
	return out, rows.Err()
}
